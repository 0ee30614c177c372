package io.cellardoor.retrieval;

/**
 * A chunk found by the hybrid retriever.
 *
 * @param chunkId chunk id
 * @param path document path relative to the knowledge folder
 * @param title document title
 * @param folder normalised top folder of the document
 * @param headingPath headings above the chunk
 * @param text chunk text
 * @param score fused score after folder weights and boosts, higher is better
 * @param fullTextRank 1-based rank in the full-text branch, 0 when not found there
 * @param vectorRank 1-based rank in the vector branch, 0 when not found there
 * @param cosineSimilarity cosine similarity between query and chunk embeddings, in [-1, 1]
 * @param lead whether the chunk opens its document: the first one under a heading (a scraped page's styles or images
 *     before its first heading are no opening), the section that says what the page is about
 */
public record RetrievedChunk(
        long chunkId,
        String path,
        String title,
        String folder,
        String headingPath,
        String text,
        double score,
        int fullTextRank,
        int vectorRank,
        double cosineSimilarity,
        boolean lead) {

    /**
     * What a reader sees of the chunk, its title and text: two chunks of the same passage (a page stored twice under two
     * paths) have the same; two products whose pages differ only in their titles do not.
     */
    public String titledText() {
        return title + '\n' + text;
    }

    /** This chunk with another text (what a guard kept of it), everything else as it is. */
    public RetrievedChunk withText(String newText) {
        return new RetrievedChunk(
                chunkId,
                path,
                title,
                folder,
                headingPath,
                newText,
                score,
                fullTextRank,
                vectorRank,
                cosineSimilarity,
                lead);
    }

    /** This chunk with another fused score (after a domain's weight), everything else as it is. */
    public RetrievedChunk withScore(double newScore) {
        return new RetrievedChunk(
                chunkId,
                path,
                title,
                folder,
                headingPath,
                text,
                newScore,
                fullTextRank,
                vectorRank,
                cosineSimilarity,
                lead);
    }
}
