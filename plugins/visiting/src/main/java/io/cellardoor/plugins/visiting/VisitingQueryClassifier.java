package io.cellardoor.plugins.visiting;

import io.cellardoor.plugin.api.ClassifierScore;
import io.cellardoor.plugin.api.KeywordClassifier;
import io.cellardoor.plugin.api.QueryClassifier;
import io.cellardoor.plugin.api.UserQuery;

/**
 * Scores visiting questions: opening hours and days (English, French, Spanish), tastings and tours,
 * reservations, directions and transport, pets, children, accessibility, amenities and places to stay.
 */
public final class VisitingQueryClassifier implements QueryClassifier {

    private static final KeywordClassifier SIGNALS = KeywordClassifier.builder()
            .rule(
                    "\\b(hours?|hrs|open|opens|opened|opening|clos(e|ed|es|ing)|horaires?|heures d'ouverture|ouvert\\w*"
                            + "|fermes?|fermee?s?|horarios?|abiert[oa]s?|abren|abre|cerrad[oa]s?|cierra\\w*)\\b",
                    0.5,
                    "hours")
            .rule(
                    "\\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|today|tonight"
                            + "|tomorrow|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves"
                            + "|viernes|sabados?|domingos?|holidays?|christmas|thanksgiving)\\b",
                    0.3,
                    "day")
            .rule(
                    "\\b(what time|how late|until when|latest|last (tasting|reservation|seating|call|entry|booking))\\b",
                    0.35,
                    "time")
            .rule("\\b(tastings?(?! notes?)|flights?|degustation|degustacion|catas?)\\b", 0.4, "tasting")
            // how old a visitor must be (AgeRules): a visit's rule, whatever the page that states it
            .rule(AgeRules.ASKED.pattern(), 0.5, "age")
            // whether children may come (AgeRules)
            .rule(AgeRules.CHILDREN_ASKED.pattern(), 0.5, "children")
            .rule("\\b(tours?|guided|private experiences?|experiences?|visita|visite)\\b", 0.4, "tour")
            // what a tasting or tour costs is ours, not a priced item's of the shop ("price of a tasting flight?")
            .rule(
                    "\\b(how much|prices?|costs?|fees?)\\b.{0,30}\\b(tastings?|tours?|flights?)\\b"
                            + "|\\b(tastings?|tours?|flights?)\\b.{0,30}\\b(how much|prices?|costs?|fees?)\\b",
                    0.2,
                    "tasting price")
            .rule(
                    "\\b(reservations?|reservaciones?|reservas?|reserve (a|an|the|my|our|for)"
                            // "do we need to reserve?", "can I reserve?": the verb, not a Reserve wine
                            + "|(to|i|we|you|u|can|should|must) reserve|book(ing|ed)?|tock"
                            + "|walk[ -]?ins?|availability|table for)\\b",
                    0.45,
                    "reservation")
            // changing one's own booking is ours, not the club's "cancel" ("can I cancel my visit?")
            .rule(BookingChanges.ASKED.pattern(), 0.45, "booking change")
            .rule(
                    "\\b(directions?|address|located|location|where are you|how do i get|get there|parking|park"
                            + "|gps|uber|lyft|taxi|cab ride|train|station|bus|shuttle|drive|driving|road|rd|route|map|nearby"
                            + "|how far|distance|miles (from|away)"
                            + "|close to|ubicad[oa]s?|ubicacion|donde (estan|queda\\w*)|direccion|como llego|adresse|situes?"
                            + "|itineraire|distancia|lejos|loin|estacionamiento|aparcamiento|stationnement|garer)\\b",
                    0.5,
                    "directions")
            // where the org itself is: "where is the winery?", "where exactly are you?", "what town are you in?"
            .rule(OwnAddress.WHERE.pattern(), 0.5, "where")
            .rule(
                    "\\b(dogs?|pups?|puppy|pupper|doggo|pets?|animals?|kids?|children|child|babies|baby|strollers?"
                            + "|minors?|under 21|family friendly|toddlers?|perros?|mascotas?|ninos?|chiens?|enfants?"
                            + "|animaux)\\b",
                    0.5,
                    "guests")
            .rule("\\b(wheelchair|accessib\\w*|ada|ramps?|handicap\\w*|mobility)\\b", 0.5, "accessibility")
            .rule(
                    "\\b(hotels?|inns?|stay|staying|lodging|accommodations?|airbnb|bnb|b&b|overnight|night at|sleep"
                            + "|things to do|attractions?)\\b",
                    0.4,
                    "stay")
            // where to stay the night and what there is to do around (Lodging, Attractions)
            .rule(Lodging.ASKED.pattern(), 0.5, "lodging")
            .rule(Attractions.CLAIMED.pattern(), 0.5, "around")
            .rule(
                    "\\b(wifi|wi fi|restrooms?|bathrooms?|picnic|outside food|bring (our|my|your) own|corkage|dress code"
                            + "|patio|indoor|outdoor|large group|groups?|party of|limo\\w*|seating)\\b",
                    0.35,
                    "amenities")
            .rule("\\b(visit\\w*|come by|stop by|drop in|pop in|swing by|tag along|come with)\\b", 0.3, "visit")
            .build();

    @Override
    public ClassifierScore classify(UserQuery query) {
        return SIGNALS.classify(query);
    }
}
