package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerGeneratorTests {

    final Vocabulary vocabulary = new Vocabulary();
    final TermAnalyzer analyzer = new TermAnalyzer(vocabulary);

    final List<RetrievedChunk> passages = List.of(
            chunk(
                    1,
                    "wine/reserve.md",
                    "2022 Reserve Cabernet Franc",
                    "Product Information",
                    "## Product Information\n- Type: Wine\n- Price: $45.00\n- Status: Available\n## Tasting Notes\nPlum, graphite and dried lavender.",
                    0.62),
            chunk(
                    2,
                    "visiting/hours.md",
                    "Tasting Room Hours",
                    "",
                    "- Monday: Closed\n- Saturday: 12:00 PM - 7:00 PM\nLast seating is one hour before closing.",
                    0.31),
            chunk(
                    3,
                    "visiting/pets.md",
                    "Visiting with pets",
                    "Dogs",
                    "## Dogs\nWell-behaved dogs on a leash are welcome on the patio only.",
                    0.28));

    final ExtractiveAnswerGenerator generator = titled(passages);

    static RetrievedChunk chunk(long id, String path, String title, String heading, String text, double cosine) {
        return new RetrievedChunk(
                id,
                path,
                title,
                path.substring(0, path.indexOf('/')),
                heading,
                text,
                0.05 / id,
                (int) id,
                (int) id,
                cosine,
                false);
    }

    /** A shop product's page: its title and its price line. */
    static RetrievedChunk product(long id, String title, String price) {
        return chunk(
                id,
                "shop/" + title.toLowerCase().replace(' ', '-') + ".md",
                title,
                "Product Information",
                "- Price: " + price,
                0.5);
    }

    /** A generator whose corpus is the passages' titles and texts, declining below the app's 0.24. */
    ExtractiveAnswerGenerator titled(List<RetrievedChunk> found) {
        return titled(found, analyzer);
    }

    /** As {@link #titled(List)}, with the given analysis (e.g. with WordNet's relations). */
    ExtractiveAnswerGenerator titled(List<RetrievedChunk> found, TermAnalyzer with) {
        return titled(found, with, 0.24);
    }

    /** As {@link #titled(List, TermAnalyzer)}, declining below the given confidence (0: never, to see what is chosen). */
    ExtractiveAnswerGenerator titled(List<RetrievedChunk> found, TermAnalyzer with, double threshold) {
        List<String> texts = found.stream().map(c -> c.title() + " " + c.text()).toList();
        return new ExtractiveAnswerGenerator(with, org -> CorpusStatistics.Stats.of(texts, with), threshold);
    }

    /** A generator whose corpus is the passages' texts and two unrelated lines, declining below 0.2. */
    ExtractiveAnswerGenerator over(List<RetrievedChunk> found) {
        List<String> texts =
                new ArrayList<>(found.stream().map(RetrievedChunk::text).toList());
        texts.addAll(List.of("a wine", "a visit"));
        return new ExtractiveAnswerGenerator(analyzer, org -> CorpusStatistics.Stats.of(texts, analyzer), 0.2);
    }

    AnswerRequest ask(String question, List<RetrievedChunk> found) {
        return AnswerRequest.of(1, question, "en", found, "You can reach us at (555) 010-0199.");
    }

    /** A follow-up: the visitor's own words, then what the conversation carried (appended after a space). */
    static AnswerRequest followUp(String focus, String carried, List<RetrievedChunk> found) {
        return new AnswerRequest(
                1,
                focus + " " + carried.strip(),
                focus,
                "en",
                found,
                List.of(),
                "You can reach us at (555) 010-0199.",
                List.of(),
                "",
                List.of());
    }

    @Test
    void answersAPriceQuestionWithThePriceLineOfTheNamedPage() {
        vocabulary.replace(List.of(Map.of("cab", List.of("cabernet"))));
        List<String> tokens = new ArrayList<>();
        GeneratedAnswer answer =
                generator.generate(ask("what does the reserve cab franc cost?", passages), tokens::add);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text())
                .contains("2022 Reserve Cabernet Franc", "$45.00")
                .doesNotContain("Type: Wine", "Status");
        assertThat(answer.sourcePaths()).first().isEqualTo("wine/reserve.md");
        assertThat(String.join("", tokens)).isEqualTo(answer.text());
    }

    @Test
    void aNumberWithTheUnitOfTheMeasureAskedAnswersHowFarOrHowBig() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> station = List.of(chunk(
                1,
                "visiting/directions.md",
                "Directions",
                "By Train",
                "## By Train\n- Take the train to Rhinecliff Station\n"
                        + "- Use a taxi from the station (approximately 15-20 minutes)",
                0.45));
        GeneratedAnswer far =
                titled(station, related).generate(ask("how far is it from you?", station), TokenSink.NONE);
        assertThat(far.answered()).as("no line says \"far\" or \"distance\"").isTrue();
        assertThat(far.text()).contains("15-20 minutes").doesNotContain("Rhinecliff");

        List<RetrievedChunk> grounds = List.of(
                chunk(
                        1,
                        "events/weddings.md",
                        "Weddings",
                        "Vineyard Celebrations",
                        "## Vineyard Celebrations\n- Our vineyard views make a flexible venue for parties\n"
                                + "- The vineyard lawn hosts games after dinner",
                        0.5),
                chunk(
                        2,
                        "about/vineyard.md",
                        "Vineyard",
                        "Estate",
                        "## Estate\n- Our 102-acre property includes meadows and a pond.",
                        0.4));
        GeneratedAnswer big =
                titled(grounds, related).generate(ask("how big is the vineyard?", grounds), TokenSink.NONE);
        assertThat(big.text()).startsWith("**Vineyard**").contains("102-acre");
    }

    @Test
    void whereSomethingComesFromIsAnsweredByTheLineNamingThePlace() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "about/harvest.md",
                        "Harvest",
                        "Picking",
                        "## Picking\n- Our grapes are picked by hand and sorted twice before they come to the press.",
                        0.47),
                chunk(
                        2,
                        "about/vineyard.md",
                        "Vineyard",
                        "Beyond the Estate",
                        "## Beyond the Estate\n- Our grapes also come from small growers in other regions of New York"
                                + " State, including Long Island and Lake Erie.",
                        0.45));
        GeneratedAnswer answer =
                titled(found, related).generate(ask("where do the grapes come from?", found), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text())
                .as("no line gives an address, a road or a direction; a place's name answers")
                .startsWith("**Vineyard**")
                .contains("Long Island");
    }

    @Test
    void aParagraphTwoPagesShareIsQuotedOnce() {
        String shared = "## Celebrations\nYour day comes to life on our hillside estate. Our Clubhouse seats up to 120"
                + " guests, while our Farmhouse is a quieter setting for up to 50. Alternatively, 150 guests can gather"
                + " on our patios.";
        // each page's opening section
        List<RetrievedChunk> found = List.of(
                new RetrievedChunk(
                        1,
                        "weddings/weddings.md",
                        "Weddings at the Estate",
                        "weddings",
                        "Celebrations",
                        shared,
                        0.05,
                        1,
                        1,
                        0.5,
                        true),
                new RetrievedChunk(
                        2,
                        "weddings/weddings-copy.md",
                        "Weddings",
                        "weddings",
                        "Celebrations",
                        shared,
                        0.04,
                        2,
                        2,
                        0.5,
                        true));
        GeneratedAnswer answer = titled(found, analyzer, 0).generate(ask("do you do weddings?", found), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("Our Clubhouse seats");
        for (String line : List.of("Your day comes", "Our Clubhouse seats")) {
            assertThat(answer.text().split(line, -1))
                    .as("a line of the shared paragraph once, whichever page it is quoted from: %s", answer.text())
                    .hasSize(2);
        }
    }

    @Test
    void aCountOfPeopleIsAnsweredByWhatThePlaceHoldsOrSeats() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "weddings/faq.md",
                        "Weddings",
                        "Questions",
                        "## Questions\nHow large is the venue? Our Clubhouse can accommodate up to 120 guests for a"
                                + " seated dinner.",
                        0.35),
                chunk(
                        2,
                        "stay/house.md",
                        "Stay",
                        "The Farm House",
                        "## The Farm House\n- Small Gatherings: for small group trips, or as a bridal suite for"
                                + " weddings at the Clubhouse.",
                        0.1));
        GeneratedAnswer answer =
                titled(found, related, 0).generate(ask("how many people fit in the clubhouse?", found), TokenSink.NONE);
        assertThat(answer.text())
                .as("guests are the people counted; the other line holds more of the words, no count")
                .startsWith("**Weddings**")
                .contains("120 guests");
    }

    @Test
    void aFactAskedOfAKindIsGivenForEachThingThePageListsInTheSameForm() {
        String page = "visiting/tastings.md";
        List<RetrievedChunk> found = List.of(
                chunk(1, page, "Experiences", "Private Tour", "## Private Tour\n- **Price**: $150 per tasting", 0.3),
                chunk(2, page, "Experiences", "Standard", "## Standard\n- **Price**: $25 per tasting", 0.29),
                chunk(3, page, "Experiences", "Good to Know", "## Good to Know\n- **Deposit**: $50 per tasting", 0.28));
        GeneratedAnswer answer = over(found).generate(ask("how much is a tasting?", found), TokenSink.NONE);
        assertThat(answer.text())
                .as("each tasting's price, not a line of another form that happens to hold one")
                .contains("$150 per tasting", "$25 per tasting")
                .doesNotContain("Deposit");
    }

    @Test
    void aSentenceThatAddsToTheOneBeforeItComesWithIt() {
        String paragraph =
                "Our hillside plantings include three acres of Cabernet Franc, a noble variety of Bordeaux and"
                        + " the Loire. We also grow the Austrian white Gruner Veltliner and Blaufrankisch, a red grape of central"
                        + " Europe. Our orchard has a dozen apple varieties, with plums and pears.";
        List<RetrievedChunk> found = List.of(
                chunk(1, "about/vineyard.md", "Vineyard", "Grape Varieties", "## Grape Varieties\n" + paragraph, 0.4));
        GeneratedAnswer answer = over(found).generate(ask("what grapes do you grow?", found), TokenSink.NONE);
        assertThat(answer.text())
                .as("'also' says the sentence before it is part of the answer")
                .containsSubsequence("Cabernet Franc", "Gruner Veltliner");
    }

    @Test
    void askedAboutASectionByItsHeadingTheAnswerStartsWhereTheSectionDoes() {
        String page = "visiting/tastings.md";
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        page,
                        "Tasting Experiences",
                        "Standard Tasting",
                        "## Standard Tasting\nOur signature tasting is a seated flight of current releases for up to"
                                + " eight guests.\n- **Format**: Seated guided tasting",
                        0.3),
                chunk(
                        2,
                        page,
                        "Tasting Experiences",
                        "Private Tour & Tasting",
                        "## Private Tour & Tasting\nAn immersive vineyard-to-glass experience showcasing our estate and"
                                + " finest wines.\n- **Format**: Guided estate tour followed by private tasting"
                                + "\n- **Duration**: 2 hours",
                        0.3));
        GeneratedAnswer answer = over(found).generate(ask("tell me about the private tour", found), TokenSink.NONE);
        assertThat(answer.text())
                .contains("An immersive vineyard-to-glass experience")
                .doesNotContain("signature");
    }

    @Test
    void aHeadingNamesWhatWasAskedOnlyByTheWordsAsked() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "visiting/nearby.md",
                        "Nearby Towns",
                        "Hyde Park",
                        "## Hyde Park\nA historic town known for its presidential connections and its fine dining.",
                        0.3),
                chunk(
                        2,
                        "visiting/directions.md",
                        "Directions",
                        "Directions",
                        "## Directions\n- **Parking Information**: Complimentary parking available on-site",
                        0.3));
        GeneratedAnswer answer = over(found).generate(ask("is there parking?", found), TokenSink.NONE);
        assertThat(answer.text())
                .as("'Hyde Park' shares a stem with 'parking', not the word")
                .contains("Complimentary parking")
                .doesNotContain("historic town");
    }

    /** Two shop pages named for cocktails, and a wedding page's line that mentions the word. */
    private static List<RetrievedChunk> cocktailsAndAWeddingLine(String line) {
        return List.of(
                product(1, "Cocktails", "$15.00"),
                product(2, "Shrimp Cocktail", "$20.00"),
                chunk(3, "events/weddings.md", "Weddings", "Spaces", "## Spaces\n- " + line, 0.45));
    }

    @Test
    void theItemsOfAListArePagesNamedForTheThingWhenThereAreSuch() {
        List<RetrievedChunk> found = cocktailsAndAWeddingLine("Seating for up to 120 guests, 150 for cocktail hour");
        GeneratedAnswer answer = titled(found).generate(ask("what cocktails do you have?", found), TokenSink.NONE);
        assertThat(answer.text())
                .contains("Cocktails", "$15.00", "Shrimp Cocktail")
                .doesNotContain("cocktail hour");
    }

    @Test
    void theVerbAskingWhatIsOfferedIsNoWordTheItemsMustHold() {
        List<RetrievedChunk> found = cocktailsAndAWeddingLine("We serve a plated dinner after the cocktail hour");
        // what is chosen, whatever the confidence ("serve" still counts there: "do you serve olive oil?" is declined
        // when no line holds it)
        GeneratedAnswer answer =
                titled(found, analyzer, 0).generate(ask("what cocktails do you serve?", found), TokenSink.NONE);
        assertThat(answer.text())
                .contains("Cocktails", "$15.00", "Shrimp Cocktail")
                .doesNotContain("plated dinner");
    }

    @Test
    void aLineSayingWhatTheNamedThingIsAnswersThoughItNamesWhereItIs() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "stay/house.md",
                        "Accommodations at Hollow Creek",
                        "Key Features",
                        "## Key Features\n- Scenic Location: Nestled among the vines, the Orchard House offers broad views"
                                + " of the river valley.",
                        0.5),
                chunk(
                        2,
                        "stay/house.md",
                        "Accommodations at Hollow Creek",
                        "Overview",
                        "## Overview\nThe Orchard House at Hollow Creek Vineyard is a private three-bedroom farmhouse for"
                                + " overnight guests, across the road from the tasting room.",
                        0.45));
        GeneratedAnswer answer = titled(found).generate(ask("what is the orchard house?", found), TokenSink.NONE);
        assertThat(answer.text()).contains("private three-bedroom farmhouse").doesNotContain("broad views");
    }

    @Test
    void aListReadingWhoseItemsMissWhatItNamesGivesWayToTheLinesThatCoverIt() {
        List<RetrievedChunk> found = List.of(
                product(1, "Club Member Tasting", "$0.00"),
                product(2, "Member Appreciation Mug", "$12.00"),
                chunk(
                        3,
                        "club/club.md",
                        "Wine Club",
                        "Benefits",
                        "## Benefits\n- Members get a 15% discount on all wines and free tastings.",
                        0.45));
        GeneratedAnswer answer = titled(found).generate(ask("any discounts for members?", found), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("15% discount").doesNotContain("Mug");
    }

    @Test
    void aWordAskingThePriceThatTheKnowledgeNeverUsesIsAnsweredByAPrice() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "visiting/tastings.md",
                        "Tasting Experiences",
                        "Standard Tasting",
                        "## Standard Tasting\n- Starting Price: $25 per person\n- Six wines poured at the bar by our"
                                + " team, with notes on each vintage",
                        0.45),
                chunk(
                        2,
                        "visiting/hours.md",
                        "Hours",
                        "Tasting Room",
                        "## Tasting Room\n- Tastings are served Wednesday to Sunday, noon to 5 pm",
                        0.3));
        GeneratedAnswer answer = titled(found).generate(ask("do I have to pay to taste wine?", found), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("$25 per person");
    }

    @Test
    void costAsksForAnyPriceThoughTheKnowledgeUsesTheWord() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "weddings/weddings.md",
                        "Weddings",
                        "Menu Options",
                        "## Menu Options\n- Custom wedding menus available at no additional cost (if equal value)",
                        0.45),
                chunk(
                        2,
                        "weddings/weddings.md",
                        "Weddings",
                        "Venue Fees",
                        "## Venue Fees\n- Clubhouse Fee: $10,000 – $15,000 (season-dependent)",
                        0.4));
        GeneratedAnswer answer = titled(found).generate(ask("how much does a wedding cost?", found), TokenSink.NONE);
        assertThat(answer.text()).contains("Clubhouse Fee: $10,000").doesNotContain("no additional cost");
    }

    @Test
    void theLineWhoseSizeOfPartyTakesTheNumberAskedAnswersIt() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "visiting/reservations.md",
                        "Making Reservations",
                        "Group Size Limitations",
                        "## Group Size Limitations\n- Standard tastings: Maximum 8 guests per reservation\n- Large group"
                                + " tastings: Available for 9-15 guests with advance notice\n- Groups larger than 15 may"
                                + " require a private event reservation",
                        0.5),
                chunk(
                        2,
                        "visiting/reservations.md",
                        "Making Reservations",
                        "Booking",
                        "## Booking\n- Reservations can be made online or by phone\n- Walk-ins are welcome when space"
                                + " allows",
                        0.45));
        for (String[] asked : new String[][] {
            {"can I book for a group of 12?", "9-15 guests"},
            {"we're a group of 6, do we need a reservation?", "Maximum 8 guests"},
            {"can we reserve for 20 people?", "larger than 15"}
        }) {
            GeneratedAnswer answer = titled(found).generate(ask(asked[0], found), TokenSink.NONE);
            assertThat(answer.text().lines().filter(l -> l.startsWith("- ")).findFirst())
                    .as(asked[0])
                    .hasValueSatisfying(first -> assertThat(first).contains(asked[1]));
        }
    }

    @Test
    void pagesOnlyMentioningTheThingAreNoListOfItems() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "about/vineyard.md",
                        "Vineyard",
                        "Our Grape Varieties",
                        "## Our Grape Varieties\nWe grow Cabernet Franc and Gruner Veltliner on the hillside. Rounding out"
                                + " our plantings are two heirloom grapes, Traminette and Regent.",
                        0.5),
                chunk(
                        2,
                        "about/sustainability.md",
                        "Sustainability",
                        "Farming",
                        "## Farming\n- We select grape varieties that suit our soils and grow them without irrigation.",
                        0.45));
        GeneratedAnswer answer = titled(found).generate(ask("what grapes do you grow?", found), TokenSink.NONE);
        assertThat(answer.text())
                .as("the paragraph that answers, not one line of each page as items")
                .startsWith("**Vineyard**")
                .contains("Cabernet Franc", "Traminette");
    }

    @Test
    void aLongStoryBeforeAShortQuestionDoesNotChooseTheLinesThatAnswer() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "visiting/reservations.md",
                        "Making Reservations",
                        "Booking",
                        "## Booking\n- Book your tasting ahead online; walk-ins are seated when tables are free.",
                        0.5),
                chunk(
                        2,
                        "visiting/area.md",
                        "The Area",
                        "Anniversary Weekends",
                        "## Anniversary Weekends\n- Couples coming up from Brooklyn, a wife and husband or two wives,"
                                + " love our anniversary dinners next to the fire on Saturday nights.",
                        0.45));
        String question = "My wife and I are coming up from Brooklyn next Saturday for our anniversary, do we need to"
                + " book a tasting ahead of time?";

        GeneratedAnswer answer = titled(found).generate(ask(question, found), t -> {});

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("Book your tasting ahead online");
        assertThat(answer.sourcePaths()).first().isEqualTo("visiting/reservations.md");
    }

    @Test
    void aLineEndingWithAColonBringsTheFirstLineOfTheSectionsItAnnounces() {
        List<RetrievedChunk> found = List.of(chunk(
                1,
                "visiting/reservations.md",
                "Making Reservations",
                "Reservation Options",
                "## Reservation Options\nThere are several ways to make a reservation for your visit:\n"
                        + "## Reservation Options > Online\n- Use our booking page at book.ridge.example\n"
                        + "- Open day and night\n## Reservation Options > Phone\n- Call (555) 010-0199\n"
                        + "- Ideal for same-day plans\n## Reservation Options > Email\n- Write to visits@ridge.example\n"
                        + "## Reservation Options > Walk-in\n- Subject to availability\n## Cancellations\n"
                        + "- Cancel a day ahead",
                0.6));
        GeneratedAnswer answer = titled(found).generate(ask("how do I make a reservation?", found), TokenSink.NONE);
        assertThat(answer.text())
                .contains(
                        "several ways to make a reservation",
                        "book.ridge.example",
                        "(555) 010-0199",
                        "visits@ridge.example")
                .as("the first line of each section, at most three sections")
                .doesNotContain("day and night", "same-day", "Walk-in", "Cancel");
    }

    @Test
    void understandsVisitorWordsThePluginsContribute() {
        assertThat(generator
                        .generate(ask("can my pup come along?", passages), TokenSink.NONE)
                        .answered())
                .as("without the visiting plugin's words, a pup is no dog")
                .isFalse();
        vocabulary.replace(List.of(Map.of("pup", List.of("dog", "pet"))));
        GeneratedAnswer answer = generator.generate(ask("can my pup come along?", passages), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("leash");
        assertThat(answer.sourcePaths()).containsExactly("visiting/pets.md");
    }

    @Test
    void declinesWithTheContactLineWhenThePassagesDoNotCoverTheQuestion() {
        List<RetrievedChunk> weak = passages.stream()
                .map(c -> new RetrievedChunk(
                        c.chunkId(),
                        c.path(),
                        c.title(),
                        c.folder(),
                        c.headingPath(),
                        c.text(),
                        c.score(),
                        c.fullTextRank(),
                        c.vectorRank(),
                        0.12,
                        c.lead()))
                .toList();
        GeneratedAnswer answer = generator.generate(ask("what is your wifi password", weak), TokenSink.NONE);
        assertThat(answer.answered()).isFalse();
        assertThat(answer.sourcePaths()).isEmpty();
        assertThat(answer.text()).contains("(555) 010-0199");
    }

    @Test
    void aLineTwoCopiesOfAPageShareIsSaidOnce() {
        List<RetrievedChunk> copies = List.of(
                chunk(1, "events/weddings.md", "Wedding Packages", "", "- The Paddock package is $185 per guest.", 0.6),
                chunk(
                        2,
                        "events/weddings-2.md",
                        "Wedding Packages",
                        "",
                        "- The Paddock package is $185 per guest.",
                        0.6),
                chunk(3, "events/brunch.md", "Wedding Brunch", "", "- The brunch package is $65 per guest.", 0.5));
        GeneratedAnswer answer =
                over(copies).generate(ask("what wedding packages do you offer?", copies), TokenSink.NONE);

        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).contains("brunch package");
        assertThat(answer.text().split("Paddock", -1)).as(answer.text()).hasSize(2);
    }

    @Test
    void aFactOfTheKindAskedIsWhatItsOwnHeadingNames() {
        List<RetrievedChunk> directions =
                List.of(chunk(1, "visiting/directions.md", "Directions", "Directions > Official Address", """
                ## Official Address
                Ridge Winery, 450 Hollow Road, Staatsburg, NY 12580

                ## Navigation Note
                Some apps send visitors to our side gate on Mill Road; that address is not the tasting room.
                """, 0.5));
        GeneratedAnswer answer = over(directions).generate(ask("what's your address?", directions), TokenSink.NONE);

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text())
                .as("the unit under 'Address', not the one saying 'address'")
                .contains("450 Hollow Road");
    }

    @Test
    void declinesWhenNothingWasRetrieved() {
        assertThat(generator
                        .generate(ask("are you open on Monday?", List.of()), TokenSink.NONE)
                        .answered())
                .isFalse();
    }

    @Test
    void answersHowManyWithTheUnitThatCountsTheThingAsked() {
        List<RetrievedChunk> club = List.of(chunk(
                1,
                "club/tiers.md",
                "Wine club",
                "Membership Tiers > Ridge",
                "## Membership Tiers > Ridge\nA Ridge membership lets members customise the bottles in each shipment.\n"
                        + "6 BOTTLES PER SHIPMENT (QUARTERLY)\nStarting at $159 per shipment",
                0.6));
        ExtractiveAnswerGenerator clubGenerator = new ExtractiveAnswerGenerator(
                analyzer,
                org -> CorpusStatistics.Stats.of(
                        List.of(club.get(0).text(), "bottles of wine", "a shipment"), analyzer),
                0.3);
        GeneratedAnswer answer = clubGenerator.generate(
                ask("ridge membership: how many bottles and how much per shipment?", club), TokenSink.NONE);
        assertThat(answer.text()).contains("6 BOTTLES PER SHIPMENT", "$159");
    }

    @Test
    void quotesTheSentencesThatFollowTheChosenOneInItsParagraphButNotTheNextParagraph() {
        String paragraph =
                "Join us for an unforgettable harvest dinner on the lawn, where long tables are set among the"
                        + " vines and every course is paired with a wine from the cellar. Our executive chef will be cooking"
                        + " with Chef Ana Ruiz, who spent ten years in the kitchens of Valencia and Lisbon. Tickets are $150"
                        + " per guest and include every pairing.";
        List<RetrievedChunk> events = List.of(chunk(
                1,
                "event/harvest.md",
                "Events",
                "Harvest Dinner - September 14th",
                "## Harvest Dinner - September 14th\n" + paragraph
                        + "\nThe lawn opens to the public on Sundays in May.",
                0.6));
        ExtractiveAnswerGenerator eventGenerator = over(events);
        GeneratedAnswer answer =
                eventGenerator.generate(ask("tell me about the harvest dinner on the lawn", events), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("long tables", "Chef Ana Ruiz").doesNotContain("Sundays in May");
    }

    @Test
    void aLimitIsQuotedWithTheNextEntryOfItsListThatNamesTheSameNumber() {
        List<RetrievedChunk> boats = List.of(chunk(
                1,
                "visiting/boats.md",
                "Boat Rentals",
                "Boat Rentals",
                "## Crew Sizes\n- Rowboats: up to 3 paddlers per boat\n- Canoe crews: from 4 to 12 paddlers with a"
                        + " guide\n- Parties above 12 need a charter booking\n- Life vests are provided at the dock",
                0.55));
        ExtractiveAnswerGenerator boatGenerator = over(boats);
        GeneratedAnswer answer =
                boatGenerator.generate(ask("how many paddlers can a canoe crew have?", boats), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text())
                .contains("from 4 to 12 paddlers", "Parties above 12 need a charter booking")
                .doesNotContain("Life vests");
        // Entries at the same price are separate entries.
        List<RetrievedChunk> prices = List.of(chunk(
                2,
                "visiting/dock.md",
                "Dock Prices",
                "Prices",
                "## Prices\n- Rowboats: $40 an hour\n- Picnic baskets from the cafe: $40",
                0.5));
        ExtractiveAnswerGenerator priceGenerator = over(prices);
        GeneratedAnswer price = priceGenerator.generate(ask("how much is a rowboat?", prices), TokenSink.NONE);
        assertThat(price.text()).contains("$40 an hour").doesNotContain("Picnic");
    }

    @Test
    void whatTheVisitorOnlyTellsIsContextNotAPartToAnswer() {
        List<RetrievedChunk> found = List.of(
                chunk(
                        1,
                        "visiting/boats.md",
                        "Boat Rentals",
                        "Canoes",
                        "## Canoes\nCanoes rent for $40 per hour.",
                        0.5),
                chunk(
                        2,
                        "weddings/lake.md",
                        "Lakeside Weddings",
                        "Season",
                        "## Season\nOur lakeside weddings in June host up to 120 guests.",
                        0.45));
        ExtractiveAnswerGenerator lakeGenerator = over(found);
        GeneratedAnswer answer = lakeGenerator.generate(
                ask("We're planning our wedding by the lake in June. How much is it to rent a canoe?", found),
                TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("$40 per hour").doesNotContain("120 guests");
        // Without a question of its own words, what the message tells is what it is about.
        GeneratedAnswer bare = lakeGenerator.generate(ask("We want to rent a canoe. How much?", found), TokenSink.NONE);
        assertThat(bare.answered()).isTrue();
        assertThat(bare.text()).contains("$40 per hour");
    }

    @Test
    void aListQuestionAboutOnePagesSectionsListsEachSectionUnderTheHeadingThatNamesThem() {
        String title = "Happenings at the Farm";
        List<RetrievedChunk> page = List.of(
                chunk(
                        1,
                        "event/happenings.md",
                        title,
                        "Season > Upcoming Happenings > Lantern Supper - June 3",
                        "## Season > Upcoming Happenings > Lantern Supper - June 3\nA candlelit supper among the vines."
                                + " Three courses from the garden.",
                        0.5),
                chunk(
                        2,
                        "event/happenings.md",
                        title,
                        "Season > Upcoming Happenings > Cider Pressing - October 9",
                        "## Season > Upcoming Happenings > Cider Pressing - October 9\nPress apples from the orchard with us."
                                + "\n- Price: $15 per person",
                        0.45),
                chunk(
                        3,
                        "event/happenings.md",
                        title,
                        "General Information",
                        "## General Information\nFor every happening inquiry, write to the front desk.",
                        0.4));
        ExtractiveAnswerGenerator farm = titled(page);

        GeneratedAnswer listed = farm.generate(ask("what happenings do you have?", page), TokenSink.NONE);
        assertThat(listed.answered()).isTrue();
        assertThat(listed.text())
                .startsWith("Upcoming Happenings:")
                .contains("Lantern Supper - June 3: A candlelit supper among the vines.")
                .contains("Cider Pressing - October 9: Press apples from the orchard with us.")
                .doesNotContain("front desk");
        // Asked for a kind of fact, each section gives the unit holding it.
        GeneratedAnswer priced =
                farm.generate(ask("what happenings do you have, and their prices?", page), TokenSink.NONE);
        assertThat(priced.text()).as(priced.text()).contains("$15 per person");
    }

    @Test
    void aSuperlativeOfPricesIsAnsweredFromThePricesThoughTheKnowledgeNeverSaysCheapest() {
        List<RetrievedChunk> scarves = List.of(
                chunk(1, "shop/wool.md", "Wool Scarf", "Product Information", "- Price: $40.00", 0.5),
                chunk(2, "shop/silk.md", "Silk Scarf", "Product Information", "- Price: $55.00", 0.48),
                chunk(3, "shop/cotton.md", "Cotton Scarf", "Product Information", "- Price: $22.00", 0.47));
        ExtractiveAnswerGenerator shop = titled(scarves);
        GeneratedAnswer answer = shop.generate(ask("which scarf is the cheapest?", scarves), TokenSink.NONE);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).startsWith("The Cotton Scarf").contains("$22.00");
    }

    @Test
    void aComparisonComparesThePagesItNamesByTheirWholeTitlesThoughOneTitlesWordIsOnEveryPage() {
        List<RetrievedChunk> tastings = List.of(
                chunk(1, "tasting/grove.md", "Grove Tasting", "Product Information", "- Price: $30.00", 0.62),
                chunk(
                        2,
                        "about/club.md",
                        "Hollow Creek Wine Club",
                        "Benefits",
                        "Hollow Creek members taste new releases first at Hollow Creek.",
                        0.45),
                chunk(3, "tasting/hollow.md", "Hollow Tasting", "Product Information", "- Price: $25.00", 0.44),
                chunk(
                        4,
                        "visiting/tastings.md",
                        "Hollow Creek Tasting Experiences",
                        "Standard Tasting",
                        "A seated tasting of five Hollow Creek wines, from $25 per person.",
                        0.43),
                chunk(5, "visiting/hours.md", "Hollow Creek Hours", "Hours", "Hollow Creek is open daily.", 0.4),
                chunk(6, "about/soil.md", "Hollow Creek Soil", "Soil", "The difference is in the soil.", 0.3));
        GeneratedAnswer answer = titled(tastings)
                .generate(
                        ask("what's the difference between the hollow tasting and the grove tasting?", tastings),
                        TokenSink.NONE);
        assertThat(answer.answered())
                .as("%s %s", answer.confidence(), answer.text())
                .isTrue();
        assertThat(answer.text()).contains("Grove Tasting", "$30.00", "Hollow Tasting", "$25.00");
        assertThat(answer.sourcePaths()).containsExactly("tasting/grove.md", "tasting/hollow.md");
    }

    @Test
    void aHowToQuestionIsAnsweredWithTheStepsItsHeadingNamesInTheirOrder() {
        String title = "Directions to the Estate";
        List<RetrievedChunk> directions = List.of(
                chunk(
                        1,
                        "visiting/directions.md",
                        title,
                        "From Albany and Points North",
                        "## From Albany and Points North\n3. Take NY-199 East over the bridge\n4. Turn right onto Hollow Road",
                        0.45),
                chunk(
                        2,
                        "visiting/directions.md",
                        title,
                        "Location",
                        "## Location\n- About 1 hour south of Albany, 2 hours north of the city",
                        0.40),
                chunk(
                        3,
                        "visiting/directions.md",
                        title,
                        "From Albany and Points North",
                        "## From Albany and Points North\n1. Take I-87 South (NYS Thruway)\n2. Exit at Kingston (Exit 19)",
                        0.38));
        ExtractiveAnswerGenerator steps = titled(directions);

        String text = steps.generate(ask("how do I get to you from Albany?", directions), t -> {})
                .text();

        // The line that only names Albany does not stand in for the steps, and step 1 is read first.
        assertThat(text).contains("1. Take I-87 South", "2. Exit at Kingston", "3. Take NY-199", "4. Turn right");
        assertThat(text.indexOf("1. Take I-87"))
                .isLessThan(text.indexOf("2. Exit"))
                .isLessThan(text.indexOf("3. Take NY-199"));
        assertThat(text.indexOf("3. Take NY-199")).isLessThan(text.indexOf("4. Turn right"));
    }

    @Test
    void aLaterStepFoundAloneIsReadAfterTheStepsBeforeIt() {
        List<RetrievedChunk> directions = List.of(chunk(
                1,
                "visiting/directions.md",
                "Directions",
                "By Train",
                "## By Train\n1. Ride Metro-North to Beacon\n2. Take a taxi from the station (about 15 minutes)\n"
                        + "3. Walk up the ramp to the gate",
                0.4));

        String text = titled(directions)
                .generate(ask("can I get a taxi?", directions), t -> {})
                .text();

        assertThat(text).contains("1. Ride Metro-North to Beacon", "2. Take a taxi");
        assertThat(text.indexOf("1. Ride")).isLessThan(text.indexOf("2. Take"));
        assertThat(titled(directions)
                        .generate(ask("is there a ramp?", directions), t -> {})
                        .text())
                .as("a question not asking how to get there is not given the whole route for its later step")
                .contains("3. Walk up the ramp")
                .doesNotContain("1. Ride");
    }

    @Test
    void showsTheInformativeHeadingAboveAGenericOne() {
        assertThat(ExtractiveAnswerGenerator.informativeHeading("Private Tour & Tasting > Details:"))
                .isEqualTo("Private Tour & Tasting");
        assertThat(ExtractiveAnswerGenerator.informativeHeading("Description")).isEmpty();
    }

    @Test
    void aWordOfThePageRelatedToTheVisitorsWordAnswers() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> pages = List.of(
                chunk(1, "visiting/policies.md", "Policies", "Legal", "- You must be 21 to purchase alcohol.", 0.3),
                chunk(2, "shop/opener.md", "Wine Opener", "", "- Price: $18.00\n- Status: Available", 0.3));
        List<String> texts = new ArrayList<>(
                pages.stream().map(c -> c.title() + " " + c.text()).toList());
        texts.addAll(List.of("21 acres of vines", "up to 21 guests", "21 wines", "buy a ticket"));
        java.util.function.Function<TermAnalyzer, ExtractiveAnswerGenerator> generatorWith =
                a -> new ExtractiveAnswerGenerator(a, org -> CorpusStatistics.Stats.of(texts, a), 0.24);

        GeneratedAnswer without =
                generatorWith.apply(analyzer).generate(ask("do I need to be 21 to buy wine?", pages), TokenSink.NONE);
        assertThat(without.text())
                .as("without word relations, buying is no purchase")
                .doesNotContain("You must be 21 to purchase alcohol.");
        GeneratedAnswer answer =
                generatorWith.apply(related).generate(ask("do I need to be 21 to buy wine?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).contains("You must be 21 to purchase alcohol.");
    }

    @Test
    void anEnglishWordTheKnowledgeLacksIsNoMisspellingOfOneItHas() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> pages = List.of(
                chunk(1, "shop/polo.md", "Long Sleeve Polo", "", "- Price: $45.00", 0.4),
                chunk(2, "shop/wash.md", "Morning Shift Body Wash", "", "- Price: $30.00", 0.4));
        List<String> texts = new ArrayList<>(
                pages.stream().map(c -> c.title() + " " + c.text()).toList());
        texts.addAll(List.of("a night shift", "the shift of seasons", "sleeve", "price list"));
        ExtractiveAnswerGenerator generator =
                new ExtractiveAnswerGenerator(related, org -> CorpusStatistics.Stats.of(texts, related), 0.24);

        assertThat(generator
                        .generate(ask("do you have t-shirts?", pages), TokenSink.NONE)
                        .text())
                .as("\"shirts\" is one edit from \"shift\", and an English word")
                .doesNotContain("Morning Shift");
        assertThat(generator
                        .generate(ask("how much is the mornin shift body wash?", pages), TokenSink.NONE)
                        .text())
                .as("a word no dictionary lists is still read as the page's")
                .contains("$30.00");
    }

    @Test
    void howLongAsksForADurationNotForTheWordLong() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "wine/red-blend.md",
                        "Red Blend",
                        "",
                        "- A red blend of fruit from the Hudson River Region and Long Island, for a long tasting"
                                + " finish.",
                        0.4),
                chunk(
                        2,
                        "visiting/tastings.md",
                        "Tastings",
                        "Seated Tasting > Details:",
                        "- Format: Seated tasting with our staff\n- Duration: 90-minute table time limit",
                        0.3));
        List<String> texts = new ArrayList<>(
                pages.stream().map(c -> c.title() + " " + c.text()).toList());
        texts.addAll(List.of("a long table", "the long drive", "tasting notes", "wine tasting"));
        GeneratedAnswer answer = new ExtractiveAnswerGenerator(
                        related, org -> CorpusStatistics.Stats.of(texts, related), 0.24)
                .generate(ask("how long does a tasting take?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("90-minute").doesNotContain("Long Island");
    }

    @Test
    void aTableRowIsFoundByTheNameOfItsColumnAndQuotedAloneWithTheNames() {
        List<RetrievedChunk> pages = List.of(chunk(
                1,
                "club/points.md",
                "Loyalty Points",
                "Earning points",
                "Activity | Silver Tier | Gold Tier\n"
                        + "Points per dollar spent | 1 point | 3 points\n"
                        + "Signup bonus | 100 points | 200 points\n"
                        + "Referral bonus | 500 points | 500 points",
                0.4));
        GeneratedAnswer answer =
                titled(pages).generate(ask("how many points per dollar at the gold tier?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .as(answer.text())
                .contains("Points per dollar spent | Silver Tier: 1 point | Gold Tier: 3 points")
                .doesNotContain("Signup", "Referral");
    }

    @Test
    void aQuestionNamingAPageByItsWholeTitleIsAnsweredFromThatPage() {
        List<RetrievedChunk> pages = List.of(
                chunk(1, "tasting/farmhouse-tasting.md", "Farmhouse Tasting", "", "- Price: $20.00", 0.6),
                chunk(
                        2,
                        "wine/farmhouse-cab-franc.md",
                        "2022 Farmhouse Cabernet Franc",
                        "",
                        "Tasting Notes\nThe Farmhouse Cabernet Franc opens with red cherries and graphite.",
                        0.5));
        GeneratedAnswer answer = titled(pages).generate(ask("what's the farmhouse tasting?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("$20.00").doesNotContain("cherries");
    }

    @Test
    void aPriceAskedForAPageNamedByItsWholeTitleIsThatPagesPrice() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "visiting/tasting-experiences.md",
                        "Milea Estate Vineyard Tasting Experiences",
                        "Private Tour & Tasting > Details:",
                        "- Format: Guided estate tour followed by private tasting\n- Duration: 2-hour immersive"
                                + " experience\n- Starting Price: $150 per person\n- Food Included: Local cheese &"
                                + " charcuterie plate prepared by the Milea culinary team",
                        0.8),
                chunk(
                        2,
                        "tasting/giveaway-tasting.md",
                        "Giveaway Tasting",
                        "Product Information",
                        "- Type: Tasting\n- Price: $25.00\n- Status: Available / Not Available",
                        0.68),
                chunk(
                        3,
                        "tasting/milea-tasting.md",
                        "Milea Tasting",
                        "Product Information",
                        "- Type: Tasting\n- Price: $25.00\n- Status: Available / Not Available",
                        0.87),
                chunk(
                        4,
                        "visiting/tasting-experiences.md",
                        "Milea Estate Vineyard Tasting Experiences",
                        "Standard Milea Tasting Experience > Details:",
                        "- Format: Seated guided tasting\n- Duration: 90-minute tabletop time limit\n- Starting Price:"
                                + " $25 per person",
                        0.79));
        GeneratedAnswer answer =
                titled(pages).generate(ask("how much does the milea tasting cost", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("$25").doesNotContain("$150");
    }

    @Test
    void aQuestionNamingNothingButNumbersIsDeclined() {
        List<RetrievedChunk> pages = List.of(
                chunk(1, "shop/coasters.md", "Coasters [ Set of 2 ]", "", "- Price: $24.00", 0.3),
                chunk(2, "visiting/groups.md", "Groups", "", "- Groups of 2 to 8 guests may reserve a table.", 0.2));
        assertThat(titled(pages)
                        .generate(ask("what's 2+2", pages), TokenSink.NONE)
                        .answered())
                .isFalse();
        assertThat(titled(pages)
                        .generate(ask("can 2 people reserve?", pages), TokenSink.NONE)
                        .answered())
                .as("a number beside other words")
                .isTrue();
    }

    @Test
    void whetherVisitorsMayBringSomethingIsNotAnsweredByALineSharingOnlyTheVerb() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "visiting/tasting.md",
                        "Tasting Experiences",
                        "Additional Information",
                        "- Pets: Well-behaved dogs on leash are permitted in outdoor areas only",
                        0.6),
                chunk(
                        2,
                        "events/weddings.md",
                        "Weddings",
                        "FAQ",
                        "Am I allowed to bring in outside catering for my event?\nYes, outside caterers are allowed.",
                        0.5));
        GeneratedAnswer answer = titled(pages).generate(ask("can i bring my dog", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("dogs on leash").doesNotContain("catering");
    }

    @Test
    void whetherTheOrgHostsSomethingIsAnsweredByThePageAboutItNotByALineSharingOnlyTheVerb() {
        RetrievedChunk opening = new RetrievedChunk(
                2,
                "events/weddings.md",
                "Weddings",
                "events",
                "Vineyard Celebrations",
                "Your wedding comes to life on our hillside estate. The barn seats up to 120 guests.",
                0.04,
                2,
                2,
                0.45,
                true);
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "events/weddings.md",
                        "Weddings",
                        "Questions",
                        "Whatever the weather, the barn can host your entire event inside.",
                        0.5),
                opening,
                chunk(3, "events/tastings.md", "Group Tastings", "", "We host private tastings for groups.", 0.3),
                chunk(4, "visiting/food.md", "Food", "", "We host food trucks on Saturdays.", 0.2));
        GeneratedAnswer answer = titled(pages).generate(ask("do you host weddings", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("comes to life");
        int verbLine = answer.text().indexOf("Whatever the weather");
        assertThat(verbLine < 0 || answer.text().indexOf("comes to life") < verbLine)
                .as("the page's opening leads: " + answer.text())
                .isTrue();
    }

    @Test
    void aQuestionNamingASectionByItsWholeHeadingIsAnsweredFromThatSection() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "club/club.md",
                        "Wine Club",
                        "How to Join",
                        "Membership can be started:\n- Online through our website\n- In person at the tasting room",
                        0.5),
                chunk(
                        2,
                        "club/rewards.md",
                        "Rewards",
                        "Overview",
                        "Anyone may join the rewards list and collect stamps on each visit.",
                        0.5));
        GeneratedAnswer answer = titled(pages).generate(ask("how do I join?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .as(answer.text())
                .contains("Online through our website")
                .doesNotContain("stamps");
    }

    @Test
    void whetherAProductIsSoldIsAnsweredWithTheProductsNamedByIt() {
        List<RetrievedChunk> pages = List.of(
                product(1, "Raw Honey", "$20.00"),
                product(2, "Honey Goat Cheese", "$16.00"),
                chunk(
                        3,
                        "policies/privacy.md",
                        "Privacy",
                        "Your Rights",
                        "- We do not and will not sell your data.",
                        0.4));
        GeneratedAnswer answer = over(pages).generate(ask("do you sell honey?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .as(answer.text())
                .contains("Raw Honey", "$20.00", "Honey Goat Cheese")
                .doesNotContain("your data");
    }

    @Test
    void whetherTheyHaveAnItemIsAnsweredWithTheProductsNamedByItAndNoOtherPage() {
        List<RetrievedChunk> pages = List.of(
                product(1, "Hat", "$25.00"),
                product(2, "Linen Beige Hat", "$35.00"),
                chunk(
                        3,
                        "weddings/faq.md",
                        "Weddings",
                        "Attire",
                        "- Guests may wear a hat at outdoor ceremonies.",
                        0.4));
        GeneratedAnswer answer = over(pages).generate(ask("do you have a hat?", pages), TokenSink.NONE);
        assertThat(answer.text())
                .as(answer.text())
                .contains("Hat**: Price: $25.00", "Linen Beige Hat**: Price: $35.00")
                .doesNotContain("ceremonies");
        List<RetrievedChunk> places = List.of(
                chunk(1, "weddings/faq.md", "Weddings", "Catering", "- Caterers may use our kitchen.", 0.5),
                chunk(2, "events/spaces.md", "Spaces", "Clubhouse", "- A kitchen and a bar serve the clubhouse.", 0.5));
        assertThat(over(places)
                        .generate(ask("do you have a kitchen?", places), TokenSink.NONE)
                        .text())
                .as("no product is named by it: the lines saying so answer, not a list of pages")
                .doesNotContain("**Weddings**:", "**Spaces**:");
    }

    @Test
    void anItemOfTwoWordsIsListedOnlyFromTitlesNamingBoth() {
        List<RetrievedChunk> pages = List.of(
                product(1, "Gift Box", "$5.00"),
                product(2, "Gift Bag", "$3.00"),
                chunk(3, "visiting/faq.md", "Visiting FAQ", "Shop", "- Gift cards are sold in the tasting room.", 0.4));
        String answer = over(pages)
                .generate(ask("do you sell gift cards?", pages), TokenSink.NONE)
                .text();
        assertThat(answer).as(answer).contains("Gift cards are sold").doesNotContain("Gift Box**:", "Gift Bag**:");
    }

    @Test
    void whetherTheySellAnItemIsAnsweredWithTheOneProductNamingIt() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "visiting/tastings.md",
                        "Tasting Experiences",
                        "Private Tour",
                        "- An immersive vineyard-to-glass experience of our estate and wines.",
                        0.5),
                product(2, "Stemless Wine Glass", "$15.00"),
                product(3, "Cider Glass", "$12.00"));
        String answer = over(pages)
                .generate(ask("do you sell wine glasses?", pages), TokenSink.NONE)
                .text();
        assertThat(answer)
                .as(answer)
                .contains("Stemless Wine Glass", "$15.00")
                .doesNotContain("vineyard-to-glass", "Cider Glass");
    }

    @Test
    void theMostOfSomethingNoPriceRanksIsAnsweredByTheLineSayingItNotByAList() {
        List<RetrievedChunk> pages = List.of(
                product(1, "Farmhouse Red Wine", "$32.00"),
                product(2, "Reserve White Wine", "$40.00"),
                chunk(
                        3,
                        "visiting/tastings.md",
                        "Tastings",
                        "Favourites",
                        "- Our most popular wine is the Farmhouse Red, poured at every tasting.",
                        0.5));
        String answer = over(pages)
                .generate(ask("what's your most popular wine?", pages), TokenSink.NONE)
                .text();
        assertThat(answer)
                .as(answer)
                .contains("most popular wine is the Farmhouse Red")
                .doesNotContain("$40.00");
    }

    @Test
    void anAcronymIsFoundAsTheNameAPassageSpellsOut() {
        List<RetrievedChunk> pages = List.of(chunk(
                1,
                "visiting/directions.md",
                "Directions",
                "Location",
                "- Situated off Route 9G\n- Approximately 2 hours north of New York City\n- About 1 hour south of Albany",
                0.5));
        GeneratedAnswer answer = over(pages).generate(ask("how long is the drive from nyc?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("New York City").doesNotContain("Albany");
    }

    @Test
    void aWordTheKnowledgeNeverUsesIsFoundThroughTheSensesNextToItsOwn() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "visiting/lodging.md",
                        "Lodging",
                        "Bed and Breakfasts",
                        "- The Bellefield Inn lies ten minutes south.\n- Book rooms early in the fall.",
                        0.5),
                chunk(2, "visiting/hours.md", "Hours", "Seasons", "- We are open all year, fall included.", 0.4));
        ExtractiveAnswerGenerator generator =
                titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)));
        GeneratedAnswer hotels = generator.generate(ask("any hotels you recommend?", pages), TokenSink.NONE);
        assertThat(hotels.answered()).as(hotels.text()).isTrue();
        assertThat(hotels.text()).as(hotels.text()).contains("Bellefield Inn").doesNotContain("open all year");
        GeneratedAnswer chalets = generator.generate(ask("any chalets you recommend?", pages), TokenSink.NONE);
        assertThat(chalets.answered())
                .as("no neighbouring sense in the knowledge: still a word it lacks -> " + chalets.text())
                .isFalse();
    }

    @Test
    void aTwoWordNameIsFoundThroughTheKindItIsOf() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "visiting/hours.md",
                        "Visiting Hours",
                        "Seasonal Closures",
                        "- We are closed on most major holidays.\n- The patio opens in May.",
                        0.5),
                chunk(2, "event/events.md", "Events", "Harvest", "- Every day of the harvest is a party.", 0.4));
        GeneratedAnswer answer = titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)))
                .generate(ask("are you open on labor day?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .as("Labor Day is a legal holiday; the line naming a day is about something else")
                .contains("major holidays")
                .doesNotContain("harvest");
    }

    @Test
    void whoToWriteToIsAnsweredWithTheAddressNotAPersonsName() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "weddings/faq.md",
                        "Weddings",
                        "Planning",
                        "Maren Holt, our wedding planner, walks every couple through the wedding day.",
                        0.5),
                chunk(
                        2,
                        "weddings/weddings.md",
                        "Weddings at Hollow Creek",
                        "Contact Information",
                        "For booking and inquiries, contact our event coordinator: events@hollowcreek.example",
                        0.45),
                chunk(3, "news/letter.md", "Newsletter", "Sign Up", "Our newsletter comes by email monthly.", 0.3));
        GeneratedAnswer answer = titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)))
                .generate(ask("who do i email about a wedding?", pages), TokenSink.NONE);
        assertThat(answer.answered())
                .as("%s %s", answer.confidence(), answer.text())
                .isTrue();
        assertThat(answer.text()).contains("events@hollowcreek.example");
    }

    @Test
    void aWayToGetInTouchAskedIsTheChosenPagesContactLineElseTheOrgs() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "club/club.md",
                        "Hollow Creek Wine Club",
                        "Membership",
                        "For wine club memberships outside these states, please email us.",
                        0.55),
                chunk(2, "club/club.md", "Hollow Creek Wine Club", "How to Join", "By phone at (555) 010-0142", 0.52),
                chunk(
                        4,
                        "club/club.md",
                        "Hollow Creek Wine Club",
                        "How to Join",
                        "By email at club@hollowcreek.example",
                        0.5),
                chunk(
                        3,
                        "weddings/faq.md",
                        "Weddings",
                        "Planning",
                        "Our wedding team walks every couple through the day.",
                        0.45));
        ExtractiveAnswerGenerator generator =
                titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)));
        GeneratedAnswer club = generator.generate(ask("what is the wine club email?", pages), TokenSink.NONE);
        assertThat(club.text())
                .as("the page's address, not its line saying to email")
                .contains("club@hollowcreek.example");
        GeneratedAnswer team = generator.generate(
                ask("phone number for the wedding team?", List.of(pages.get(0), pages.get(3))), TokenSink.NONE);
        assertThat(team.answered()).isTrue();
        assertThat(team.text())
                .as("no page gives the team's number: the org's own")
                .isEqualTo("You can reach us at (555) 010-0199.");
    }

    @Test
    void aWhoQuestionIsAnsweredWithTheLineNamingAPerson() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "production/overview.md",
                        "Hollow Creek Wine Production",
                        "Closing Words",
                        "At Hollow Creek Winery, careful winemaking at the estate makes every bottle.",
                        0.6),
                chunk(
                        2,
                        "about/team.md",
                        "Hollow Creek Team",
                        "Meet the Team > Odile Brannagh",
                        "Title: Winemaker\nOdile trained in Geneva before she came to the valley.",
                        0.58),
                chunk(
                        3,
                        "about/team.md",
                        "Hollow Creek Team",
                        "Meet the Team > Tasting Room",
                        "Our winemaker pours at the Tasting Room Bar every Saturday.",
                        0.55),
                chunk(
                        4,
                        "about/team.md",
                        "Hollow Creek Team",
                        "Meet the Team > Tamsin Moss",
                        "Title: Cellar Master",
                        0.5),
                chunk(
                        5,
                        "about/solar.md",
                        "Solar Power",
                        "Closing Words",
                        "Odile Brannagh planted the solar field with Tamsin Moss in spring.",
                        0.45));
        ExtractiveAnswerGenerator generator =
                titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)));
        GeneratedAnswer answer =
                generator.generate(ask("who is the winemaker at hollow creek?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .as("the winemaker's section names her; the other lines name the winery and a room")
                .contains("Title: Winemaker")
                .doesNotContain("careful winemaking");
        GeneratedAnswer named = generator.generate(ask("who is tamsin moss?", pages), TokenSink.NONE);
        assertThat(named.text())
                .as("a common word of the name asked for (moss) does not make his heading a thing asked about")
                .contains("Cellar Master");
    }

    @Test
    void aBusinessNameIsNoPerson() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "production/harvest.md",
                        "Harvest",
                        "By Hand",
                        "Our winemaker picks every block by hand.",
                        0.6),
                chunk(
                        2,
                        "production/labels.md",
                        "Labels",
                        "Our Labels",
                        "Our Quillon Estate Vineyard label shows our winemaking at its best.",
                        0.55));
        String text = titled(pages, new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true)))
                .generate(ask("who is the winemaker?", pages), TokenSink.NONE)
                .text();
        assertThat(text).as(text).contains("picks every block");
        assertThat(text.indexOf("Quillon"))
                .as("three common words and one name: a business, not the person asked about -> " + text)
                .satisfiesAnyOf(
                        i -> assertThat(i).isNegative(), i -> assertThat(i).isGreaterThan(text.indexOf("picks")));
    }

    @Test
    void aWhatIsQuestionLeadsWithTheLineSayingWhatItIs() {
        List<RetrievedChunk> pages = List.of(chunk(
                1,
                "club/rewards.md",
                "Rewards Club",
                "Overview",
                "- **Website**: example.com/rewards-club\n- **Cost to Join**: Free\n\n"
                        + "This rewards club is governed by our terms.\n\n"
                        + "Rewards Club is our loyalty program: guests earn points on every purchase.",
                0.5));
        GeneratedAnswer answer = over(pages).generate(ask("what is the rewards club?", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        String first = answer.text()
                .lines()
                .filter(l -> l.startsWith("- "))
                .findFirst()
                .orElseThrow();
        assertThat(first)
                .as("the definition, not the website line naming the same words nor a line pointing back at it")
                .contains("loyalty program");
    }

    @Test
    void aPriceBoundKeepsTheItemsWithinItOrNamesTheNearest() {
        List<RetrievedChunk> pages = List.of(
                chunk(1, "merchandise/dark.md", "Dark Chocolate Bar", "Product Information", "- Price: $9.00", 0.5),
                chunk(2, "merchandise/milk.md", "Milk Chocolate Bar", "Product Information", "- Price: $12.00", 0.5),
                chunk(3, "merchandise/box.md", "Chocolate Truffle Box", "Product Information", "- Price: $25.00", 0.4),
                chunk(4, "merchandise/mug.md", "Coffee Mug", "Product Information", "- Price: $4.00", 0.3));
        ExtractiveAnswerGenerator generator = over(pages);
        GeneratedAnswer under = generator.generate(ask("any chocolate under $15?", pages), TokenSink.NONE);
        assertThat(under.text())
                .as(under.text())
                .contains("Dark Chocolate Bar", "Milk Chocolate Bar")
                .doesNotContain("Truffle", "Mug");
        GeneratedAnswer none = generator.generate(ask("any chocolate under $5?", pages), TokenSink.NONE);
        assertThat(none.text())
                .as("the mug is no chocolate")
                .startsWith("None is under $5; the least expensive is the Dark Chocolate Bar, at $9.00.");
    }

    @Test
    void inAnotherLanguageAWordNeitherTheKnowledgeNorTheVocabularyKnowsWeighsNothing() {
        vocabulary.replace(List.of(Map.of("boda", List.of("wedding"))));
        List<RetrievedChunk> pages = List.of(chunk(
                1,
                "weddings/weddings.md",
                "Weddings",
                "Venue",
                "- Our clubhouse hosts weddings of up to 120 guests.",
                0.3));
        GeneratedAnswer answer = over(pages)
                .generate(
                        AnswerRequest.of(1, "¿se puede hacer una boda allí?", "es", pages, "Call (555) 010-0199."),
                        TokenSink.NONE);
        assertThat(answer.answered())
                .as("\"hacer\" and \"allí\" frame the question; \"boda\" is what it asks about -> " + answer.text())
                .isTrue();
        assertThat(answer.text()).contains("120 guests");
        GeneratedAnswer nothing = over(pages)
                .generate(
                        AnswerRequest.of(1, "¿ofrecen clases de cocina?", "es", pages, "Call (555) 010-0199."),
                        TokenSink.NONE);
        assertThat(nothing.answered()).as("no word known: " + nothing.text()).isFalse();
    }

    @Test
    void aWordOfOneOrTwoLettersTheKnowledgeNeverUsesWeighsNothing() {
        List<RetrievedChunk> pages = List.of(
                product(1, "2023 Reserve Chardonnay", "$40.00"),
                chunk(2, "wine/notes.md", "Winemaking", "Barrels", "- The reserve rests ten months in oak.", 0.4));
        GeneratedAnswer answer =
                titled(pages).generate(ask("hw much is the reserve chardonnay", pages), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).as(answer.text()).contains("$40.00");
    }

    @Test
    void aLineSharingOnlyTheVerbOfWhetherSomethingIsSoldIsNoAnswer() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "policies/privacy.md",
                        "Privacy",
                        "Your Rights",
                        "- We do not and will not sell your data.",
                        0.4),
                chunk(
                        2,
                        "shop/bag.md",
                        "Canvas Bag",
                        "Description",
                        "- A tote serving as a carrier for two bottles.",
                        0.3));
        for (String question : List.of("do you sell cigars?", "do you serve pizza?")) {
            GeneratedAnswer answer = over(pages).generate(ask(question, pages), TokenSink.NONE);
            assertThat(answer.answered()).as(question + " -> " + answer.text()).isFalse();
        }
        GeneratedAnswer data = over(pages).generate(ask("will you sell my data?", pages), TokenSink.NONE);
        assertThat(data.text()).as("a question of another shape").contains("We do not and will not sell your data.");
    }

    @Test
    void aFactUnderAHeadingNamingWhatWasAskedLeadsBeforeALineThatOnlyMentionsIt() {
        List<RetrievedChunk> directions = List.of(chunk(
                1,
                "visiting/directions.md",
                "Directions",
                "",
                "## GPS Note\nSome maps send visitors to our side gate at 46 Side Road. While this address is ours, the"
                        + " tasting room is located at our main address on Hollow Road.\n## Official Address\n"
                        + "450 Hollow Road, Staatsburg, NY 12580",
                0.5));
        GeneratedAnswer answer = over(directions).generate(ask("what's your address?", directions), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text().lines().skip(1).findFirst().orElse(""))
                .as(answer.text())
                .contains("450 Hollow Road");
        // The embedding model finds the line saying "address" twice nearer in meaning than the address itself.
        UnitSimilarity mentionsNearer = (question, texts) -> Optional.of(texts.stream()
                .mapToDouble(t -> t.contains("this address") ? 0.49 : 0.3)
                .toArray());
        List<String> corpus = directions.stream().map(RetrievedChunk::text).toList();
        GeneratedAnswer byMeaning = new ExtractiveAnswerGenerator(
                        analyzer,
                        org -> CorpusStatistics.Stats.of(corpus, analyzer),
                        0.2,
                        ExtractiveAnswerGenerator.Weights.DEFAULT,
                        mentionsNearer)
                .generate(ask("what's your address?", directions), TokenSink.NONE);
        assertThat(byMeaning.text().lines().skip(1).findFirst().orElse(""))
                .as(byMeaning.text())
                .contains("450 Hollow Road");
    }

    @Test
    void aQuestionOfAFaqIsShownWithTheAnswerAfterIt() {
        List<RetrievedChunk> faq = List.of(chunk(
                1,
                "events/weddings.md",
                "Weddings",
                "Questions",
                "## Questions\nAm I allowed to bring in outside catering for my event?\n\nYes, outside caterers are"
                        + " allowed and may use the kitchen.\n\nIs there lodging on the property?\n\nThe farmhouse"
                        + " sleeps eight.",
                0.5));
        GeneratedAnswer answer = over(faq).generate(ask("can we bring in our own catering?", faq), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text())
                .contains("Am I allowed to bring in outside catering", "Yes, outside caterers are allowed")
                .doesNotContain("farmhouse");
    }

    @Test
    void aFaqReplyIsQuotedAfterTheQuestionItAnswers() {
        List<RetrievedChunk> faq = List.of(chunk(
                1,
                "events/weddings.md",
                "Weddings",
                "Questions",
                "## Questions\nIs there lodging on the property?\nThe farmhouse sleeps eight.\nDo you offer any menu"
                        + " tastings before my event?\nAbsolutely we do! Come in and try our food and wine to pick"
                        + " your favorites.",
                0.5));
        GeneratedAnswer answer = over(faq).generate(ask("can we try your food and wine first?", faq), TokenSink.NONE);
        assertThat(answer.answered()).as(answer.text()).isTrue();
        assertThat(answer.text()).contains("Absolutely we do!").doesNotContain("farmhouse");
        assertThat(answer.text().indexOf("Do you offer any menu tastings before my event?"))
                .as(answer.text())
                .isBetween(0, answer.text().indexOf("Absolutely we do!"));
    }

    @Test
    void aQuestionOnlyAskingHowToReachTheBusinessGetsItsOwnContactDetails() {
        List<RetrievedChunk> club = List.of(chunk(
                1,
                "club/club.md",
                "Wine Club",
                "How to Join",
                "## How to Join\n- By email at club@winery.example\n- By phone at (555) 010-0100",
                0.5));
        for (String question : List.of("what's your email?", "how can I contact you?", "what is the phone number?")) {
            GeneratedAnswer answer = over(club).generate(ask(question, club), TokenSink.NONE);
            assertThat(answer.text()).as(question).isEqualTo("You can reach us at (555) 010-0199.");
        }
        GeneratedAnswer clubEmail = over(club).generate(ask("what's the wine club's email?", club), TokenSink.NONE);
        assertThat(clubEmail.text()).as("a contact of something named").contains("club@winery.example");
    }

    @Test
    void aFactOfTheKindAskedCountsTheWordsOfItsPagesTitle() {
        List<RetrievedChunk> club = List.of(chunk(
                1,
                "club/club.md",
                "Ridge Wine Club",
                "",
                "## Shipping\nFor wine club memberships outside these states, please email us.\n## How to Join\n"
                        + "- By email at join@winery.example\n- In the tasting room",
                0.5));
        GeneratedAnswer answer = over(club).generate(ask("what's the wine club email?", club), TokenSink.NONE);
        assertThat(answer.text().lines().skip(1).findFirst().orElse(""))
                .as("the page's email is the club's, though the line says only \"by email\": " + answer.text())
                .contains("join@winery.example");
    }

    @Test
    void aWordHeldOnlyThroughARelatedWordLeavesRoomForALineHoldingItself() {
        TermAnalyzer related = new TermAnalyzer(vocabulary, new io.cellardoor.text.Lexicon(true));
        List<RetrievedChunk> reservations = List.of(chunk(
                1,
                "visiting/reservations.md",
                "Reservations",
                "Cancellations and Changes",
                "## Cancellations and Changes\n- To modify an existing reservation, please contact us directly\n"
                        + "- Changes should be made at least 24 hours ahead\n## Groups\n- Groups of nine need a"
                        + " reservation",
                0.5));
        List<String> texts =
                new ArrayList<>(reservations.stream().map(RetrievedChunk::text).toList());
        texts.addAll(List.of("a wine", "a visit", "a change of plan"));
        GeneratedAnswer answer = new ExtractiveAnswerGenerator(
                        related, org -> CorpusStatistics.Stats.of(texts, related), 0.2)
                .generate(ask("can I change my reservation?", reservations), TokenSink.NONE);
        assertThat(answer.text())
                .as(answer.text())
                .contains("To modify an existing reservation", "Changes should be made at least 24 hours ahead");
    }

    @Test
    void aCountFollowUpEndsWithTheNumberOfTheThingCounted() {
        List<RetrievedChunk> club = List.of(chunk(
                1,
                "club/club.md",
                "Wine Club",
                "Membership Tiers > Gold",
                "## Membership Tiers > Gold\n12 BOTTLES PER SHIPMENT (QUARTERLY)\n- Starting at $255 per shipment"
                        + "\n- 15% discount on all wines\n- Invitation to the Founders Circle after 1 year of gold"
                        + " membership",
                0.5));
        String focus = "how many bottles?";
        AnswerRequest followUp = followUp(focus, "what's the gold tier? Wine Club", club);
        GeneratedAnswer answer = over(club).generate(followUp, TokenSink.NONE);
        assertThat(answer.text())
                .contains("12 BOTTLES PER SHIPMENT")
                .as("lines sharing only the earlier turn's words are padding")
                .doesNotContain("Founders Circle", "15% discount");
    }

    @Test
    void aFollowUpsFurtherLinesHoldItsOwnWordsNotOnlyAnEarlierTurns() {
        List<RetrievedChunk> weddings = List.of(
                chunk(
                        1,
                        "weddings/weddings.md",
                        "Weddings at Milea Estate Vineyard",
                        "Elegant Vineyard Celebrations",
                        "## Elegant Vineyard Celebrations\nYou can fit up to 120 guests in our Clubhouse for weddings,"
                                + " while our Farmhouse fits 50. Alternatively, 150 guests can celebrate on our outdoor"
                                + " patios.",
                        0.6),
                chunk(
                        2,
                        "weddings/faq.md",
                        "Weddings",
                        "Questions",
                        "## Questions\nWhat is the fee for a wedding?\n\nClubhouse fee: $10,000 - $15,000"
                                + " (season-dependent).",
                        0.5));
        String focus = "what does it cost?";
        AnswerRequest followUp = followUp(
                focus, "how many guests can you fit? do you do weddings? Weddings at Milea Estate Vineyard", weddings);
        GeneratedAnswer answer = over(weddings).generate(followUp, TokenSink.NONE);
        assertThat(answer.text())
                .contains("$10,000")
                .as("the lines answering the earlier question about guests were answered then")
                .doesNotContain("120 guests", "150 guests");
    }

    @Test
    void aFollowUpAboutItPrefersThePageTheConversationWasOn() {
        List<RetrievedChunk> wines = List.of(
                chunk(
                        1,
                        "wine/farmhouse-bdx.md",
                        "2021 Farmhouse BDX Red Blend",
                        "Description",
                        "## Description\nEnjoy our Farmhouse BDX with Korean BBQ, wagyu sliders or steak tartare.",
                        0.5),
                chunk(
                        2,
                        "wine/vincenza.md",
                        "2022 Vincenza Reserve BDX Blend",
                        "Description",
                        "## Description\nThe Vincenza pairs with classic bolognese and other savory meat-based pasta"
                                + " sauces.\nAged 18 months in French oak barrels.",
                        0.5));
        String focus = "is it good with steak?";
        AnswerRequest followUp = followUp(focus, "what's the Vincenza? 2022 Vincenza Reserve BDX Blend", wines);
        GeneratedAnswer answer = over(wines).generate(followUp, TokenSink.NONE);
        assertThat(answer.text())
                .as("\"it\" is the Vincenza, not the other blend that mentions steak")
                .doesNotContain("steak tartare");
    }

    @Test
    void whereSomethingIsHeldIsAnsweredByTheLineLabelledWithItsPlace() {
        List<RetrievedChunk> events = List.of(chunk(
                1,
                "events/events.md",
                "Events",
                "Upcoming Events > Harvest Dinner",
                "### Harvest Dinner\nJoin us for an evening of autumn dishes with our winemaker.\n- **Location:** The"
                        + " Barn at Hill Farm\n- **Tags:** dinner, harvest",
                0.6));
        String focus = "where is it held?";
        GeneratedAnswer followUp = over(events)
                .generate(followUp(focus, "is there a harvest dinner? Events Harvest Dinner", events), TokenSink.NONE);
        assertThat(followUp.answered()).as(followUp.text()).isTrue();
        assertThat(followUp.text()).contains("Location: The Barn at Hill Farm");
        GeneratedAnswer asked = over(events).generate(ask("where is the harvest dinner held?", events), TokenSink.NONE);
        assertThat(asked.text()).contains("Location: The Barn at Hill Farm");
    }

    @Test
    void aFollowUpAboutHimIsAnsweredFromHisSectionNotFromAnotherPersonsOnThePage() {
        List<RetrievedChunk> team = List.of(
                chunk(
                        1,
                        "about/team.md",
                        "Our Team",
                        "Team > Ada Brook",
                        "## Ada Brook\nTitle: Winemaker\nAda studied enology in Geneva. Her favorite wine to drink at home is a dry Riesling.",
                        0.5),
                chunk(
                        2,
                        "about/team.md",
                        "Our Team",
                        "Team > Cole Marsh",
                        "## Cole Marsh\nTitle: Chef\nCole cooks with local trout. His favorite wine is an old Chenin Blanc.",
                        0.5));
        String focus = "what is his favorite wine to drink at home?";
        AnswerRequest followUp = followUp(focus, "who is the chef? Our Team Cole Marsh", team);
        GeneratedAnswer answer = over(team).generate(followUp, TokenSink.NONE);
        assertThat(answer.text())
                .as("\"his\" is the chef the conversation picked; the winemaker's favorite is another person's")
                .contains("His favorite wine is an old Chenin Blanc.")
                .doesNotContain("Riesling");
    }

    @Test
    void aCountQuestionLeadsWithTheNumberOfTheThingItCounts() {
        List<RetrievedChunk> pages = List.of(
                chunk(
                        1,
                        "stay/house.md",
                        "The Larch House",
                        "Key Features",
                        "## Key Features\n- The Larch House has 2 porches, and every bedroom of the house looks"
                                + " over the vines.\n- The Larch House is a private house on the estate.",
                        0.6),
                chunk(
                        2,
                        "events/weddings.md",
                        "Weddings",
                        "Lodging",
                        "## Lodging\n- Sleeps 6, with 3 bedrooms and 2 baths, at the Larch House.",
                        0.4));
        assertFirstLineContains(pages, "how many bedrooms does the larch house have?", "3 bedrooms");
    }

    /** The answer's first quoted line (its first bullet) holds the text. */
    private void assertFirstLineContains(List<RetrievedChunk> pages, String question, String text) {
        GeneratedAnswer answer = titled(pages).generate(ask(question, pages), TokenSink.NONE);
        assertThat(answer.text().lines().filter(l -> l.startsWith("- ")).findFirst())
                .as(answer.text())
                .hasValueSatisfying(first -> assertThat(first).contains(text));
    }

    @Test
    void aHowOftenQuestionLeadsWithTheLineSayingHowOften() {
        List<RetrievedChunk> pages = List.of(chunk(
                1,
                "club/club.md",
                "The Paddock Club",
                "Membership Terms",
                "## Membership Terms\n- Joining the club means a commitment to a minimum of 3 club shipments.\n"
                        + "- Members receive 3 shipments annually (April, August and November).",
                0.6));
        assertFirstLineContains(pages, "how often do club shipments come?", "annually");
    }

    @Test
    void aQuestionAboutTheThingAPageIsTitledForIsAnsweredFromTheSectionThatOpensIt() {
        RetrievedChunk benefits = chunk(
                1,
                "club/club.md",
                "Larchmont Wine Club",
                "Benefits",
                "## Benefits\n- Rare wine releases held back for club members\n- Free tastings for two",
                0.5);
        RetrievedChunk intro = chunk(
                2,
                "club/club.md",
                "Larchmont Wine Club",
                "Our Members' Circle",
                "## Our Members' Circle\nMembers receive four shipments a year at a discount, shipped to their door or"
                        + " picked up at our parties.",
                0.5);
        RetrievedChunk opening = new RetrievedChunk(
                intro.chunkId(),
                intro.path(),
                intro.title(),
                intro.folder(),
                intro.headingPath(),
                intro.text(),
                intro.score(),
                intro.fullTextRank(),
                intro.vectorRank(),
                intro.cosineSimilarity(),
                true);

        for (String question : List.of("tell me about the wine club", "do you have a wine club?")) {
            List<RetrievedChunk> pages = List.of(benefits, opening);
            assertThat(titled(pages)
                            .generate(ask(question, pages), TokenSink.NONE)
                            .text())
                    .as(question)
                    .contains("Members receive four shipments a year");
            List<RetrievedChunk> unknown = List.of(benefits, intro);
            assertThat(titled(unknown)
                            .generate(ask(question, unknown), TokenSink.NONE)
                            .text())
                    .as("without knowing which section opens the page: " + question)
                    .doesNotContain("Members receive four shipments a year");
        }
    }

    @Test
    void aLabelLinesWordsBelongToTheLineAfterIt() {
        List<RetrievedChunk> wine = List.of(chunk(
                1,
                "wine/farmhouse-chardonnay.md",
                "2023 Farmhouse Chardonnay",
                "Description",
                "## Description\nWine Notes\nThe fruit came from a partner vineyard on the North Fork. It was fermented"
                        + " cool in stainless steel tanks.\nTasting Notes\nThe wine opens with aromas of green apple"
                        + " and quince, with lively acidity and a medium body.",
                0.6));
        GeneratedAnswer answer =
                titled(wine).generate(ask("what does the farmhouse chardonnay taste like?", wine), TokenSink.NONE);
        assertThat(answer.text())
                .as("the line under \"Tasting Notes\" says how it tastes")
                .contains("green apple")
                .doesNotContain("Tasting Notes");
    }
}
