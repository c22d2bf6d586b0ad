// WritePdf: a party document (review/document.h) as a PDF, laid out as Hướng dẫn 36-HD/VPTW asks
// (the layout is described in document.h): A4, header block, title, justified body with
// first-line indent, tables with borders, signature and recipients, page numbers from page 2.
//
// Text is set with pango in Liberation Serif (metric-compatible with Times New Roman) and drawn
// with cairo; user text is never parsed as markup, so "&", "<" and ">" print as themselves.
// Invalid UTF-8 in a text prints as U+FFFD instead of failing. Pagination: a paragraph that does
// not fit splits between lines (never leaving one line alone at the foot or the head of a page), a
// heading moves to the next page with the start of what follows it, table rows move to the next
// page whole and the table's header row is repeated there, and the signature and recipients stay
// together, taking the last two lines of a final paragraph along rather than stand alone on a
// page. A single table row taller than a page is drawn anyway and runs past the bottom margin.
//
// Errors: Internal "pdf.render_failed" when cairo reports an error (out of memory, a font that
// cannot be embedded); its message is Vietnamese and names cairo's reason.
//
// Thread-safety: each call has its own cairo surface and pango font map, freed before it returns;
// calls may run in parallel (fontconfig is thread-safe).
#pragma once

#include <string>

#include "common/status.h"
#include "review/document.h"

namespace nq::review {

// The bytes of a PDF file ("%PDF-1.5 ... %%EOF").
Result<std::string> WritePdf(const Document& doc);

}  // namespace nq::review
