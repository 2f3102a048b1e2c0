package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlen.model.DecoderSession;
import dev.nlen.model.ForwardingDecoderSession;
import dev.nlen.model.Seq2SeqModel;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The turn-passing wrapper must forward every method of the model's interfaces: a method added there later (with a
 * default) would otherwise silently run the default instead of the real session's, e.g. ranking in Java instead of
 * in the runtime.
 */
class SteppedModelTest {

    @Test
    void forwardsEveryMethodOfTheModelAndTheSession() {
        Class<?> session = Arrays.stream(SteppedModel.class.getDeclaredClasses())
                .filter(DecoderSession.class::isAssignableFrom).findFirst().orElseThrow();
        assertEquals(List.of(), missing(SteppedModel.class, Seq2SeqModel.class));
        // its session passes on what it does not count through the forwarding base, which must forward everything
        assertTrue(ForwardingDecoderSession.class.isAssignableFrom(session), session + " forwards by hand");
        assertEquals(List.of(), missing(ForwardingDecoderSession.class, DecoderSession.class));
    }

    private static List<String> missing(Class<?> wrapper, Class<?> api) {
        return Arrays.stream(api.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(wrapper, m))
                .map(Method::toString).toList();
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
