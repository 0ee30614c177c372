package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.Synonyms;
import java.util.List;
import java.util.Map;

/**
 * Words visitors use about visiting, in English, Spanish and French, mapped to the words the visiting pages use.
 *
 * <p>Each line is {@code visitor word=page words}; the host adds the page words to the keyword search and to the
 * extractive answerer's matching whenever the visitor's word appears in a question. Spanish and French words are here
 * because the knowledge is written in English and the chat widget speaks all three.
 */
final class VisitingVocabulary {

    private static final String LINES = """
            pup,pups,puppy,puppies,doggy,doggo,dogs=dog pet
            pets=pet dog
            kids,kiddos,kid,toddler,toddlers=children
            horario,horarios,horaires,horas,hora,heure,heures=hours
            abierto,abiertos,abierta,abren,abre,ouvert,ouverts,ouverte,ouvrez,ouvre=open
            cerrado,cerrados,cierran,cierra,ferme,fermes,fermez=closed
            lunes,lundi=monday
            martes,mardi=tuesday
            miercoles,mercredi=wednesday
            jueves,jeudi=thursday
            viernes,vendredi=friday
            sabado,sabados,samedi=saturday
            domingo,domingos,dimanche=sunday
            hoy,aujourd=today same day
            today,tonight=same day
            manana,demain=tomorrow
            reserva,reservas,reservar,reservacion,reservation,reserver=reservation book
            book,booking,bookings,booked=reservation reserve
            walkin,walkins=reservation reservations
            refund,refunds,refunded,reembolso,remboursement=cancellation
            reschedule,rescheduling,postpone=change modify
            degustacion,degustaciones,cata,catas,degustation,degustations=tasting
            visitar,visiter=visit
            visita,visitas,visite,visites=visit tour
            recorrido,excursion=tour
            guidee,guidees,guide,guides,guiada,guiadas,guiado,guiados=guided
            outside,outdoors,afuera,exterior,dehors,terrasse=outdoor patio
            estacionamiento,aparcamiento,parqueo,parking,stationnement,garer=parking
            gratis,gratuito,gratuita,gratuit,gratuite=free complimentary
            free=complimentary
            perro,perros,chien,chiens=dog
            mascota,mascotas,animaux,animal=pet
            nino,ninos,nina,ninas,hijo,hijos,hija,hijas,enfant,enfants=children
            admiten,admitidos,permiten,permitidos,admis,acceptes,acceptees,autorises=permitted allowed welcome
            accesible,accessible=accessible wheelchair
            direccion,adresse=address
            ubicados,ubicado,ubicada,ubicadas,ubicacion,situes,situe,situee,encuentra,encuentran,trouve,trouvez,trouvent=located address
            linea,ligne=online
            thanksgiving,christmas,easter,navidad,noel,paques,pascua=holidays
            llegar,itineraire=directions
            distancia=distance
            ruta,carretera,trajet,conduire,manejar=drive
            tren,train,gare,estacion=train station
            minutos=minutes
            grupo,grupos,groupe,groupes=group
            privada,privadas,privado,privados,privee,privees,prive,prives=private
            cuesta,cuestan,coute,coutent=price cost
            dura,duran,duracion,duree,dure,durent=duration minutes
            tiempo,temps=time
            alojamiento,hebergement,dormir,hospedaje=lodging stay
            hotel,hotels,hoteles=hotel
            cerca,pres,proche=near nearby
            habitacion,habitaciones,cuarto,cuartos,chambre,chambres=bedrooms lodging stay
            nueva=new
            """;

    /** Visitor word -> page words. */
    static final Map<String, List<String>> SYNONYMS = Synonyms.parse(LINES);

    private VisitingVocabulary() {}
}
