#include "review/document.h"

#include <utility>

namespace nq::review {

Block Heading(BlockKind level, std::string text) {
  Block b;
  b.kind = level;
  b.runs.push_back(Run{std::move(text), true, level == BlockKind::kHeading3});
  return b;
}

Block Paragraph(std::string text) { return Paragraph(std::vector<Run>{Run{std::move(text)}}); }

Block Paragraph(std::vector<Run> runs) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.runs = std::move(runs);
  return b;
}

Block TableBlock(Table t) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table = std::move(t);
  return b;
}

}  // namespace nq::review
