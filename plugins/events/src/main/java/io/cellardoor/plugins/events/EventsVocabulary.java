package io.cellardoor.plugins.events;

import io.cellardoor.plugin.api.Synonyms;
import java.util.List;
import java.util.Map;

/**
 * Words visitors use about events and weddings, in English, Spanish and French, mapped to the words the event pages use.
 *
 * <p>Each line is {@code visitor word=page words}; the host adds the page words to the keyword search and to the
 * extractive answerer's matching whenever the visitor's word appears in a question. Spanish and French words are here
 * because the knowledge is written in English and the chat widget speaks all three.
 */
final class EventsVocabulary {

    private static final String LINES = """
            vows,married,marry,marrying,elope=wedding ceremony
            gig,gigs=concert music
            evento,eventos,evenement,evenements=event
            boda,bodas,mariage,mariages=wedding
            fiesta,fiestas,fete,fetes=party
            cena,cenas,diner,diners=dinner
            concierto,conciertos=concert
            musica,musique=music
            entradas,boletos,billets,billet=tickets
            invitados,invitado,invites,invite=guests
            capacidad,caben,capacite,accueillir=capacity guests
            personas,personnes=people guests
            ceremonia,ceremonie=ceremony
            recepcion=reception
            clase,clases,cours,atelier=class
            cocina,cuisine=cooking kitchen
            exterior,dehors,exterieur=outdoor
            lluvia,pluie=rain
            """;

    /** Visitor word -> page words. */
    static final Map<String, List<String>> SYNONYMS = Synonyms.parse(LINES);

    private EventsVocabulary() {}
}
