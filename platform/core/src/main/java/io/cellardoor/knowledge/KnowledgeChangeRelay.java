package io.cellardoor.knowledge;

import io.cellardoor.cluster.ClusterEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells every instance ({@link KnowledgeChanged}) when an import on this one changed an org's knowledge. */
@Component
class KnowledgeChangeRelay {

    private final ClusterEvents cluster;

    KnowledgeChangeRelay(ClusterEvents cluster) {
        this.cluster = cluster;
    }

    @EventListener
    void onKnowledgeImported(KnowledgeImported event) {
        ImportReport r = event.report();
        if (r.added() + r.updated() + r.deleted() > 0) {
            cluster.publish(new KnowledgeChanged(event.orgId()));
        }
    }
}
