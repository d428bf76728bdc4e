package dev.triggerforge.server.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A multiple-ack never covers a tag that is not settled yet, and never names one handed back. */
class AcknowledgementRunTest {

    private final Acknowledgements.Run run = new Acknowledgements.Run();

    @Test
    void aTurnOfSettledTagsIsAcknowledgedUpToItsLast() {
        for (long tag = 1; tag <= 500; tag++) {
            run.settle(tag, true);
        }
        assertThat(run.advance()).isEqualTo(500);
        assertThat(run.advance()).isZero();
    }

    @Test
    void anUnsettledTagHoldsBackEveryLaterOne() {
        run.settle(1, true);
        run.settle(2, true);
        run.settle(4, true);
        run.settle(5, true);
        assertThat(run.advance()).isEqualTo(2);
        assertThat(run.advance()).isZero();
        run.settle(3, true);
        assertThat(run.advance()).isEqualTo(5);
    }

    @Test
    void tagsSettledOutOfOrderAcrossManyFlushesAreEachCoveredOnce() {
        run.settle(3, true);
        assertThat(run.advance()).isZero();
        run.settle(1, true);
        assertThat(run.advance()).isEqualTo(1);
        run.settle(2, true);
        run.settle(70, true);
        assertThat(run.advance()).isEqualTo(3);
        for (long tag = 4; tag < 70; tag++) {
            run.settle(tag, true);
        }
        assertThat(run.advance()).isEqualTo(70);
        run.settle(2, true);
        run.settle(71, true);
        assertThat(run.advance()).isEqualTo(71);
    }

    @Test
    void theAckNamesTheLastTagToAcknowledgeAndSkipsARunOfHandBacks() {
        run.settle(1, true);
        run.settle(2, true);
        run.settle(3, false);
        assertThat(run.advance()).isEqualTo(2);
        run.settle(4, false);
        assertThat(run.advance()).isZero();
        run.settle(5, true);
        assertThat(run.advance()).isEqualTo(5);
    }
}
