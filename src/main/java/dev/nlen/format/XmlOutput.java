package dev.nlen.format;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin fluent wrapper over the JDK's {@link XMLStreamWriter} (escaping of {@code < & > "} is the writer's job);
 * all text and attribute values pass through {@link XmlText#clean} first. Unchecked: writing to a string cannot
 * fail for I/O reasons.
 */
final class XmlOutput {

    // the JDK's own implementation, whatever StAX provider the classpath brings
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter writer;

    XmlOutput() {
        try {
            writer = FACTORY.createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private XmlOutput does(Step step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string", e);
        }
    }

    XmlOutput declaration() {
        return does(() -> writer.writeStartDocument("UTF-8", "1.0"));
    }

    XmlOutput doctype(String doctype) {
        return does(() -> writer.writeDTD(doctype));
    }

    XmlOutput start(String name) {
        return does(() -> writer.writeStartElement(name));
    }

    /** An element without content, written {@code <name/>} (for HTML only use it for void elements). */
    XmlOutput empty(String name) {
        return does(() -> writer.writeEmptyElement(name));
    }

    XmlOutput defaultNamespace(String uri) {
        return does(() -> writer.writeDefaultNamespace(uri));
    }

    XmlOutput attribute(String name, String value) {
        return does(() -> writer.writeAttribute(name, XmlText.clean(value)));
    }

    XmlOutput xmlLang(String language) {
        return does(() -> writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language));
    }

    /** Text content; also closes the start tag, so {@code start("td").text("").end()} gives {@code <td></td>}. */
    XmlOutput text(String text) {
        return does(() -> writer.writeCharacters(XmlText.clean(text)));
    }

    XmlOutput end() {
        return does(writer::writeEndElement);
    }

    /** {@code start(name).text(text).end()}. */
    XmlOutput element(String name, String text) {
        return start(name).text(text).end();
    }

    /** A line break and indentation between elements, for people reading the file. */
    XmlOutput newline(int depth) {
        return does(() -> writer.writeCharacters("\n" + "  ".repeat(depth)));
    }

    String finish() {
        does(() -> {
            writer.writeEndDocument();
            writer.close();
        });
        return buffer.toString();
    }
}
