package dev.nlen.model;

/**
 * A decoder session that passes every call to another; wrappers (step counting, turn taking, a logits-only view)
 * override only what they change.
 */
public abstract class ForwardingDecoderSession implements DecoderSession {

    protected final DecoderSession session;

    protected ForwardingDecoderSession(DecoderSession session) {
        this.session = session;
    }

    @Override
    public int rows() {
        return session.rows();
    }

    @Override
    public float[][] step(long[] tokens) {
        return session.step(tokens);
    }

    @Override
    public boolean ranksInRuntime() {
        return session.ranksInRuntime();
    }

    @Override
    public TopCandidates stepRanked(long[] tokens, long[] banned, boolean normaliseAfterBans, float[] beamScores,
                                    int beams, int k) {
        return session.stepRanked(tokens, banned, normaliseAfterBans, beamScores, beams, k);
    }

    @Override
    public void reorderBeams(int[] rows) {
        session.reorderBeams(rows);
    }

    @Override
    public void selectRows(int[] rows) {
        session.selectRows(rows);
    }

    @Override
    public void close() {
        session.close();
    }
}
