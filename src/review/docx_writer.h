// WriteDocx: a party document (review/document.h) as a Word file (.docx, Office Open XML
// WordprocessingML) laid out after Hướng dẫn 36-HD/VPTW as document.h describes it.
//
// The file holds [Content_Types].xml, _rels/.rels, docProps/core.xml and app.xml, and under word/
// document.xml, styles.xml, settings.xml, the relationships and two headers: an empty one for
// the first page and one with the centred page number (PAGE field) for the pages after it. Every
// paragraph carries its own font, size, alignment and spacing, so text copied into another
// document keeps its look; headings also use the styles "Heading1".."Heading3" (Word's outline).
//
// Rendering rules beyond document.h:
//   - a recipient is printed as "- " + text + "," ("." for the last), as in the PDF: trailing
//     ',', '.' and spaces of the text are replaced, a leading "-" is kept instead of adding one;
//   - "\n" in a text is a line break, "\t" a tab; other control characters are dropped;
//   - a table with no column is left out; rows shorter than the widest row are padded with empty
//     cells; widths are used when there is one positive width per column, else columns are equal;
//   - the last body paragraph stays on the page of the signature (keep with next), and the
//     signature block never splits across pages;
//   - empty header fields, signature lines and an empty recipient list print nothing (the space
//     for the signature is kept).
// No creation date is written and the zip entries carry a fixed date, so the same document
// gives the same bytes (on machines in the same time zone: zip dates are local time).
//
// Errors: Internal "docx.invalid_text" when a text is not valid UTF-8 (the file would not open);
// Internal "docx.zip_failed" when libzip fails.
// Thread-safety: a pure function; safe to call from several threads.
#pragma once

#include <string>

#include "common/status.h"
#include "review/document.h"

namespace nq::review {

// The bytes of the .docx file.
Result<std::string> WriteDocx(const Document& doc);

}  // namespace nq::review
