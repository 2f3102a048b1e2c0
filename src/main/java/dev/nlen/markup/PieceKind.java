package dev.nlen.markup;

/** What the block around a piece is: headings and list items keep their role in the aligned document. */
public enum PieceKind { PARAGRAPH, HEADING, LIST_ITEM }
