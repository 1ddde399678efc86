@testable import Citeproc

/// Short ways to build ``Rendered`` trees by hand in tests.
func t(_ text: String) -> Rendered { .text(text) }

func seq(_ items: Rendered...) -> Rendered { .sequence(items) }

func styled(_ formatting: TextFormatting, _ items: Rendered...) -> Rendered {
  .styled(formatting, items.count == 1 ? items[0] : .sequence(items))
}

func italic(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(fontStyle: .italic), .sequence(items))
}

func bold(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(fontWeight: .bold), .sequence(items))
}

func normalStyle(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(fontStyle: .normal), .sequence(items))
}

func smallCaps(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(fontVariant: .smallCaps), .sequence(items))
}

func sup(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(verticalAlign: .superscript), .sequence(items))
}

func sub(_ items: Rendered...) -> Rendered {
  .styled(TextFormatting(verticalAlign: .subscript), .sequence(items))
}

func display(_ display: Display, _ items: Rendered...) -> Rendered {
  .display(display, .sequence(items))
}

func entries(_ contents: Rendered...) -> [BibliographyEntry] {
  contents.enumerated().map { BibliographyEntry(id: "ITEM-\($0.offset + 1)", content: $0.element) }
}

/// An entry laid out with a left-margin label and the rest beside it.
func numbered(_ label: String, _ items: Rendered...) -> Rendered {
  seq(display(.leftMargin, t(label)), .display(.rightInline, .sequence(items)))
}
