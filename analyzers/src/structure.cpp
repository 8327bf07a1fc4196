// Document-structure analysis: puts the parts together (header, title, signature, recipients,
// issuer fallbacks, citations). Each part lives in src/structure/.
#include "vanban/analyzers/structure.hpp"

#include "vanban/analyzers/symbol.hpp"

#include "structure/citations.hpp"
#include "structure/layout.hpp"
#include "structure/parts.hpp"
#include "structure/reading_order.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {

DocumentMetadata extract_metadata(std::string_view nfc_text) {
  using namespace structure;
  // The parts in reading order, one a line, whatever line breaks the converter left.
  const std::string ordered = reading_order_text(nfc_text);
  const Layout layout = analyse_layout(ordered);
  Header header = analyse_header(layout);
  const Signature signature = analyse_signature(layout, header.body_line);

  DocumentMetadata metadata;
  if (header.type) metadata.type = std::string(header.type->name);
  metadata.type_code = header.type_code;
  metadata.number = header.number;
  if (header.number) metadata.number_key = symbol_key(*header.number);
  metadata.place = header.place;
  metadata.date = header.date;
  metadata.title = header.title;
  metadata.signer = signature.signer;
  if (!metadata.signer) metadata.signer = signer_from_page(nfc_text);
  metadata.signer_title = signature.signer_title;
  metadata.signing_authority = signature.signing_authority;
  metadata.recipients = find_recipients(layout, signature.line);

  const std::string body = layout.flowed_body(header.body_line);
  // The issuer: header, else the opening sentence of the body, else the collective body the
  // signer signs for ("TM. ỦY BAN NHÂN DÂN").
  metadata.issuer = header.issuer;
  if (!metadata.issuer) metadata.issuer = issuer_from_body(body, header.type);
  if (!metadata.issuer) metadata.issuer = signature.collective;

  // Citations: the title (which may cite: "Sửa đổi ... Thông tư số 28/2015/TT-BLĐTBXH ...")
  // and the body; the header lines are left out.
  const std::string cited_text = metadata.title ? *metadata.title + ". " + body : body;
  metadata.citations =
      extract_citations(cited_text, layout.footnotes, metadata.number_key, metadata.date);
  // A statute names itself ("Quốc hội ban hành Luật Thực hiện dân chủ ở cơ sở."): not a citation.
  if (header.type && header.type->cited_by_name && metadata.title) {
    const std::string own = law_key(std::string(header.type->name) + " " + *metadata.title);
    std::erase_if(metadata.citations, [&](const Citation& citation) {
      return !citation.number && citation.number_key == own;
    });
  }
  return metadata;
}

}  // namespace vanban::analyzers
