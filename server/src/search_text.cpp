#include "search_text.hpp"

#include <map>
#include <set>
#include <sstream>

namespace vanban::server {
namespace {

using archive::SearchResponse;

std::string or_dash(const std::optional<std::string>& value) {
  return value ? *value : "-";
}

// "Nghị định 14/2017/NĐ-CP"; a law: its name.
std::string instrument_name(const archive::NamedInstrument& instrument) {
  return instrument.type.empty() ? instrument.number : instrument.type + " " + instrument.number;
}

// The instruments a question named, as the archive names them, after a space: " Nghị định
// 14/2017/NĐ-CP, Nghị định 44/2014/NĐ-CP".
std::string named_instruments(const archive::UnderstoodQuestion& understood) {
  std::string named;
  for (const archive::NamedInstrument& instrument : understood.instruments)
    named += (named.empty() ? " " : ", ") + instrument_name(instrument);
  return named;
}

// The acts that change a document's validity, as the UI labels them.
const std::map<std::string, std::string, std::less<>>& act_labels() {
  static const std::map<std::string, std::string, std::less<>> labels{
      {"bai_bo", "Bị bãi bỏ bởi"},
      {"thay_the", "Bị thay thế bởi"},
      {"sua_doi", "Được sửa đổi, bổ sung bởi"},
      {"dinh_chinh", "Được đính chính bởi"}};
  return labels;
}

// "30/2020/NĐ-CP  2020-03-05  Về công tác văn thư": one archived document on one line.
std::string document_line(const archive::ArchivedDocument& document) {
  const auto& metadata = document.metadata;
  return or_dash(metadata.number) + "  " + or_dash(metadata.date) + "  " +
         (metadata.title ? *metadata.title : document.filename);
}

void print_understood(std::ostream& out, const SearchResponse& response) {
  if (!response.understood) return;
  const archive::UnderstoodQuestion& understood = *response.understood;
  if (understood.answered) {
    out << "Hiểu là: " << understood.label << named_instruments(understood)
        << ". (--as-words: tìm theo từ trong câu)\n";
  } else {
    out << "Câu hỏi về " << understood.label << " “" << understood.question.instrument.typed
        << "”.\n";
  }
  if (!understood.message.empty()) out << understood.message << '\n';
}

// A relation question answered with nothing: what the archive lacks ("Kho chưa có văn bản nào
// sửa đổi, bổ sung Nghị định 14/2017/NĐ-CP."), as the UI's empty answer says it. A validity
// question's card speaks for itself.
void print_lack(std::ostream& out, const SearchResponse& response, bool filtered) {
  if (!response.understood || !response.understood->answered || response.total || filtered) return;
  const archive::UnderstoodQuestion& understood = *response.understood;
  if (understood.question.kind == archive::QuestionKind::validity) return;
  const std::string subject = understood.subject.empty() ? "văn bản" : understood.subject;
  std::string acts = understood.label;
  if (const std::string lead = "các " + subject + " "; acts.starts_with(lead))
    acts.erase(0, lead.size());
  out << "Kho chưa có " << subject << " nào " << acts << named_instruments(understood) << ".\n";
}

void print_validity(std::ostream& out, const SearchResponse& response) {
  std::map<std::string, std::string, std::less<>> status_of;
  for (const archive::SearchHit& hit : response.hits)
    status_of[hit.id] = hit.validity;
  for (const archive::InstrumentDocuments& answer : response.validity_answers) {
    std::string name = answer.number_key;
    if (response.understood)
      for (const archive::NamedInstrument& instrument : response.understood->instruments)
        if (instrument.key == answer.number_key) name = instrument_name(instrument);
    std::set<std::string> statuses;
    for (const archive::ArchivedDocument& document : answer.documents)
      if (auto found = status_of.find(document.id); found != status_of.end())
        statuses.insert(found->second);
    std::string status = answer.documents.empty() ? "Kho chưa lưu văn bản này"
                         : statuses.empty()       ? archive::kStatusUnknown
                                                  : "";
    for (const std::string& one : statuses)
      status += (status.empty() ? "" : " / ") + one;
    out << name << ": " << status << '\n';
    bool acted = false;
    for (const archive::IncomingRelation& incoming : answer.relations_in) {
      const auto label = act_labels().find(incoming.relation.type);
      if (label == act_labels().end()) continue;
      acted = true;
      out << "  " << label->second;
      if (incoming.relation.scope) out << " (" << *incoming.relation.scope << ')';
      out << ": " << document_line(incoming.document) << '\n';
    }
    if (!acted)
      out << "  Không có văn bản nào trong kho sửa đổi, thay thế hay bãi bỏ văn bản này.\n";
  }
}

void print_notices(std::ostream& out, const SearchResponse& response) {
  if (response.partial)
    out << "Kết quả chưa đầy đủ: " << response.missing_shards.size()
        << " phân đoạn của kho không trả lời kịp.\n";
  for (const archive::MissingNumber& missing : response.missing_numbers) {
    out << "Văn bản số " << missing.number << " không có trong kho";
    if (missing.cited_by) out << "; " << missing.cited_by << " văn bản dẫn chiếu";
    out << ".\n";
  }
  if (!response.suggestion.empty()) out << "Có phải bạn muốn tìm: " << response.suggestion << '\n';
  if (response.relaxed) {
    if (response.question)
      out << "Tìm theo câu hỏi: kết quả chứa một phần hoặc tất cả các từ của câu hỏi, xếp theo "
             "mức liên quan.\n";
    else if (response.all_words_total)
      out << "Chỉ " << response.all_words_total
          << " văn bản chứa đủ các từ (xếp đầu); các kết quả sau chứa một phần các từ.\n";
    else
      out << "Không có văn bản chứa đủ các từ; kết quả chứa một phần các từ.\n";
  }
}

}  // namespace

std::string search_text(const SearchResponse& response, bool filtered) {
  std::ostringstream out;
  print_understood(out, response);
  print_lack(out, response, filtered);
  print_validity(out, response);
  print_notices(out, response);
  for (const archive::SearchHit& hit : response.hits) {
    const auto& metadata = hit.document.metadata;
    out << or_dash(metadata.number) << '\t' << or_dash(metadata.date) << '\t'
        << (metadata.title ? *metadata.title : hit.document.filename);
    if (!hit.missing_words.empty()) {
      out << "\t(thiếu:";
      for (const std::string& word : hit.missing_words)
        out << ' ' << word;
      out << ')';
    }
    out << '\n';
  }
  out << "Tổng số: " << response.total << " văn bản\n";
  return out.str();
}

}  // namespace vanban::server
