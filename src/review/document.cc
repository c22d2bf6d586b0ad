#include "review/document.h"

#include <string>
#include <utility>
#include <vector>

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

std::vector<std::string> RecipientLines(const std::vector<std::string>& recipients) {
  std::vector<std::string> out;
  for (size_t i = 0; i < recipients.size(); ++i) {
    std::string line = recipients[i];
    while (!line.empty() && (line.back() == ',' || line.back() == '.' || line.back() == ' ')) {
      line.pop_back();
    }
    std::string text = line.starts_with("-") ? "" : "- ";
    text += line;
    text += i + 1 < recipients.size() ? "," : ".";
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace nq::review
