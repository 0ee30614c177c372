package io.cellardoor.plugins.club;

import io.cellardoor.plugin.api.Synonyms;
import java.util.List;
import java.util.Map;

/**
 * Words visitors use about the wine club, in English, Spanish and French, mapped to the words the club pages use.
 *
 * <p>Each line is {@code visitor word=page words}; the host adds the page words to the keyword search and to the
 * extractive answerer's matching whenever the visitor's word appears in a question. Spanish and French words are here
 * because the knowledge is written in English and the chat widget speaks all three.
 */
final class ClubVocabulary {

    private static final String LINES = """
            membresia,membresias,adhesion,abonnement=membership
            miembro,miembros,socio,socios,membre,membres=member
            envio,envios,envoi,envois,expedition,expeditions,livraison,livraisons,livrez,livrer,livrent,envoyez,envoyer,enviar,envian,entregan,entrega=shipment shipping delivery
            trae,incluye,comprend,inclus=include
            puntos,punto=points
            millas=miles
            nivel,niveles,niveau,niveaux=level tier
            descuento,descuentos,remise,reduction=discount
            beneficios,ventajas,avantages=benefits
            unirse,inscribirse,afiliarse,adherer,inscrire,become,enroll,enrol=join
            cancelar,annuler,resilier=cancel
            correo,courriel=email
            gano,ganar,gagner,gagne=earn
            dolar,dolares,dollar,dollars=dollar
            canjear,echanger=redeem
            """;

    /** Visitor word -> page words. */
    static final Map<String, List<String>> SYNONYMS = Synonyms.parse(LINES);

    private ClubVocabulary() {}
}
