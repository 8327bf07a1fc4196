// The closed classes of Vietnamese grammar whose words carry no topic (Diệp Quang Ban, Ngữ
// pháp tiếng Việt: hư từ), one syllable each, as the analyzer writes them (exact form, the
// classic tone placement of analyzers::exact_form()). Content words that these syllables also
// begin ("có" of "có hiệu lực", "cho" of "cho thuê") lose nothing: a word that is not required
// still ranks by its weight, and a phrase of the query still earns its bonus.
#include "function_words.hpp"

#include <array>
#include <string>
#include <unordered_set>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

constexpr std::array kFunctionWords = {
    // Relators (quan hệ từ): prepositions and conjunctions.
    "của",
    "và",
    "với",
    "cho",
    "để",
    "do",
    "vì",
    "bởi",
    "tại",
    "mà",
    "thì",
    "là",
    "nhưng",
    "hay",
    "hoặc",
    "nếu",
    "khi",
    "từ",
    "đến",
    "tới",
    "về",
    "theo",
    "trong",
    "trên",
    "dưới",
    "bằng",
    "như",
    "qua",
    "rằng",
    "cùng",
    // Adverbs of time, aspect, degree, negation (phó từ); passive and modal markers.
    "đã",
    "đang",
    "sẽ",
    "vừa",
    "mới",
    "từng",
    "còn",
    "vẫn",
    "cũng",
    "đều",
    "rất",
    "lắm",
    "quá",
    "hơn",
    "nhất",
    "không",
    "chưa",
    "chẳng",
    "đừng",
    "chớ",
    "hãy",
    "được",
    "bị",
    "phải",
    "cần",
    "nên",
    "có",
    "thể",
    // Quantifiers and determiners (lượng từ, chỉ từ).
    "những",
    "các",
    "mọi",
    "mỗi",
    "một",
    "này",
    "kia",
    "ấy",
    "đó",
    "nọ",
    "đây",
    // Interrogatives (đại từ nghi vấn) and the words of question frames: "bao nhiêu", "thế
    // nào", "ra sao", "hay không", "đúng hay sai", "phải không".
    "gì",
    "nào",
    "ai",
    "đâu",
    "sao",
    "bao",
    "nhiêu",
    "mấy",
    "thế",
    "vậy",
    "ra",
    "đúng",
    "sai",
    // Modal particles (tình thái từ) ending a question.
    "à",
    "ư",
    "nhỉ",
    "nhé",
    "chứ",
    "hả",
    "hở",
};

struct Sets {
  std::unordered_set<std::string> exact;
  std::unordered_set<std::string> folded;
};

const Sets& sets() {
  static const Sets built = [] {
    Sets out;
    for (const char* word : kFunctionWords) {
      out.exact.insert(analyzers::exact_form(word));
      out.folded.insert(analyzers::fold(word));
    }
    return out;
  }();
  return built;
}

}  // namespace

bool is_function_word(std::string_view exact, std::string_view folded) {
  const Sets& words = sets();
  if (exact != folded) return words.exact.count(std::string(exact)) != 0;
  return words.folded.count(std::string(folded)) != 0;
}

}  // namespace vanban::archive
