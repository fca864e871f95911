package ru.parta.chats;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link SendPolicy} beans in their order, looked up once: the bean set does not change while the application
 * runs, and the send path must not look it up per message.
 */
@Component
class SendPolicies {

    private final ObjectProvider<SendPolicy> provider;
    private volatile List<SendPolicy> list;

    SendPolicies(ObjectProvider<SendPolicy> provider) {
        this.provider = provider;
    }

    private List<SendPolicy> all() {
        List<SendPolicy> policies = list;
        if (policies == null) {
            policies = provider.orderedStream().toList();
            list = policies;
        }
        return policies;
    }

    /** Every policy's verdict, combined; a policy refuses by throwing. */
    SendPolicy.Verdict consult(SendPolicy.Attempt attempt) {
        SendPolicy.Verdict verdict = SendPolicy.Verdict.ALLOW;
        for (SendPolicy policy : all()) {
            verdict = verdict.and(policy.check(attempt));
        }
        return verdict;
    }

    /** Tells every policy that a new message it allowed was not stored. */
    void abandoned(SendPolicy.Attempt attempt) {
        for (SendPolicy policy : all()) {
            policy.abandoned(attempt);
        }
    }

    /** Tells every policy that the message is stored; runs in the storing transaction. */
    void stored(SendPolicy.Attempt attempt, MessageView message, SendPolicy.Verdict verdict) {
        for (SendPolicy policy : all()) {
            policy.stored(attempt, message, verdict);
        }
    }
}
