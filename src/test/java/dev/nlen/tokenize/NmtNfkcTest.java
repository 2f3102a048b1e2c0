package dev.nlen.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NmtNfkcTest {

    @Test
    void dropsControlCharacters() {
        assertEquals("ab", NmtNfkc.normalize("a\u0001\u0007\u007f\u009fb"));
    }

    @Test
    void mapsOddSpacesToSpace() {
        assertEquals("a b c d e f g", NmtNfkc.normalize("a\tb\u00a0c\u200bd\u3000e\ufefff\u2581g"));
    }

    @Test
    void appliesNfkcButKeepsFullwidthTilde() {
        assertEquals("fiets 123 café", NmtNfkc.normalize("\ufb01ets \uff11\uff12\uff13 cafe\u0301"));
        assertEquals("\uff5e 1", NmtNfkc.normalize("\uff5e \uff11"));
    }
}
