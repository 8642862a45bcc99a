package org.commonweal.requests.open311;

import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The element paths of an XML document ({@code service_requests/request/status}, ...), to compare shapes. */
final class XmlShape {

    private XmlShape() {
    }

    static Set<String> of(String xml) {
        Element root = parse(xml);
        Set<String> paths = new TreeSet<>();
        collect(root, root.getTagName(), paths);
        return paths;
    }

    /** The text of the first element with this name, as a parser reads it (entities resolved). */
    static String text(String xml, String element) {
        return parse(xml).getElementsByTagName(element).item(0).getTextContent();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static void collect(Element element, String path, Set<String> paths) {
        paths.add(path);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                collect(nested, path + "/" + nested.getTagName(), paths);
            }
        }
    }
}
