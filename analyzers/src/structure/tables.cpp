#include "structure/tables.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/body_names.hpp"
#include "structure/law_names.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"

namespace vanban::analyzers::structure {
namespace {

// ND30 Phụ lục III (State codes) and HD36/HD05 (Party codes); see docs/domain.md §1.2,
// §2.2, §3.3. Longest names first.
constexpr std::array kTypes = {
    DocumentType{"Nghị quyết liên tịch", "NQLT", "", false, true},
    DocumentType{"Thông tư liên tịch", "TTLT", "", false, true},
    DocumentType{"Văn bản hợp nhất", "VBHN", "", false, true},
    DocumentType{"Bản thỏa thuận", "BTT", "", false, true},
    DocumentType{"Giấy giới thiệu", "GGT", "GGT", false, true},
    DocumentType{"Giấy nghỉ phép", "GNP", "", false, true},
    DocumentType{"Giấy ủy quyền", "GUQ", "", false, true},
    DocumentType{"Chương trình", "CTr", "CTr", false, true},
    DocumentType{"Bản ghi nhớ", "BGN", "", false, true},
    DocumentType{"Phiếu chuyển", "PC", "", false, true},
    DocumentType{"Quyết định", "QĐ", "QĐ", false, true},
    DocumentType{"Nghị quyết", "NQ", "NQ", false, true},
    DocumentType{"Công điện", "CĐ", "", false, true},
    DocumentType{"Hướng dẫn", "HD", "HD", false, true},
    DocumentType{"Thông cáo", "TC", "", false, true},
    DocumentType{"Thông báo", "TB", "TB", false, true},
    DocumentType{"Pháp lệnh", "", "", true, true},
    DocumentType{"Hiến pháp", "", "", true, true},
    DocumentType{"Nghị định", "NĐ", "", false, true},
    DocumentType{"Phương án", "PA", "PA", false, true},
    DocumentType{"Quy trình", "", "QTr", false, true},
    DocumentType{"Thông tri", "", "TT", false, true},
    DocumentType{"Thông tư", "TT", "", false, true},
    DocumentType{"Hợp đồng", "HĐ", "", false, true},
    DocumentType{"Biên bản", "BB", "BB", false, true},
    DocumentType{"Công văn", "", "CV", false, true},
    DocumentType{"Kế hoạch", "KH", "KH", false, true},
    DocumentType{"Kết luận", "KL", "KL", false, true},
    DocumentType{"Phiếu gửi", "PG", "", false, true},
    DocumentType{"Phiếu báo", "PB", "", false, true},
    DocumentType{"Giấy mời", "GM", "GM", false, true},
    DocumentType{"Chỉ thị", "CT", "CT", false, true},
    DocumentType{"Quy chế", "QC", "QC", false, true},
    DocumentType{"Quy định", "QyĐ", "QĐi", false, true},
    DocumentType{"Tờ trình", "TTr", "TTr", false, true},
    DocumentType{"Báo cáo", "BC", "BC", false, true},
    // ND30 Điều 7: a "thư công" (no abbreviation, Phụ lục III); portals and bodies head an open
    // letter "THƯ NGỎ".
    DocumentType{"Thư công", "", "", false, true},
    DocumentType{"Thư ngỏ", "", "", false, true},
    DocumentType{"Văn bản", "", "", false, false},
    DocumentType{"Bộ luật", "", "", true, true},
    DocumentType{"Đề án", "ĐA", "ĐA", false, true},
    // An outline (đề cương tuyên truyền, giới thiệu, báo cáo): a Party committee's propaganda
    // department issues one as a document of its own, with ô 1-4 and a type heading (399-QĐ/TW
    // names it among the Party's materials; neither table gives it a code). Annex forms head
    // "MẪU ĐỀ CƯƠNG ..." or "ĐỀ CƯƠNG ..." pages inside a document: only a heading where ô 5a
    // stands makes it the type (find_type_line).
    DocumentType{"Đề cương", "", "", false, true},
    DocumentType{"Dự án", "DA", "", false, true},
    DocumentType{"Lệnh", "L", "", false, true},
    DocumentType{"Luật", "", "", true, true},
};

// Codes seen in the field that the tables do not list (docs/domain.md §1.2 notes, §3.3).
struct CodeAlias {
  std::string_view code;
  std::string_view type_name;
  bool party;
};
constexpr std::array kCodeAliases = {
    CodeAlias{"QĐi", "Quy định", true},      CodeAlias{"CV", "Công văn", false},
    CodeAlias{"TT", "Thông tư", false},      CodeAlias{"TTLT", "Thông tư liên tịch", false},
    CodeAlias{"NĐ", "Nghị định", false},     CodeAlias{"VBHN", "Văn bản hợp nhất", false},
    CodeAlias{"CTPH", "Chương trình", true}, CodeAlias{"CTPH", "Chương trình", false},
};

struct Abbreviation {
  std::string_view short_form;
  std::string_view full_form;
};
// Common abbreviations in issuer names (docs/domain.md §4.3, ND30 "cụm từ thông dụng").
constexpr std::array kAbbreviations = {
    Abbreviation{"UBND", "Ủy ban nhân dân"},
    Abbreviation{"HĐND", "Hội đồng nhân dân"},
    Abbreviation{"TTHĐND", "Thường trực Hội đồng nhân dân"},
    Abbreviation{"UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"},
    Abbreviation{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
    Abbreviation{"MTTQVN", "Mặt trận Tổ quốc Việt Nam"},
    Abbreviation{"MTTQ", "Mặt trận Tổ quốc"},
    Abbreviation{"BCH", "Ban Chấp hành"},
    Abbreviation{"BTV", "Ban Thường vụ"},
    Abbreviation{"BCĐ", "Ban Chỉ đạo"},
    Abbreviation{"BCS", "Ban cán sự"},
    Abbreviation{"TW", "Trung ương"},
    Abbreviation{"TP", "thành phố"},
    Abbreviation{"TP.", "thành phố"},
    Abbreviation{"TX", "thị xã"},
    Abbreviation{"TX.", "thị xã"},
    Abbreviation{"VN", "Việt Nam"},
    Abbreviation{"BHXH", "Bảo hiểm xã hội"},
    Abbreviation{"LĐLĐ", "Liên đoàn Lao động"},
    Abbreviation{"VP", "Văn phòng"},
    // A province's delegation of National Assembly deputies ("Văn phòng Đoàn ĐBQH và HĐND
    // tỉnh", the merged offices of Nghị quyết 1002/2016/UBTVQH13).
    Abbreviation{"ĐBQH", "đại biểu Quốc hội"},
    // The command boards of natural disaster prevention and of search and rescue, set up at
    // every level (Luật Phòng, chống thiên tai 2013, Điều 43; Nghị định 66/2021/NĐ-CP), name
    // their field by these codes in ô 2 ("BAN CHỈ HUY PCTT VÀ TKCN TỈNH ...").
    Abbreviation{"PCTT", "Phòng, chống thiên tai"},
    Abbreviation{"TKCN", "Tìm kiếm cứu nạn"},
    // The management board of a province's industrial zones (Nghị định 35/2022/NĐ-CP, Điều 68:
    // "Ban quản lý các khu công nghiệp"), which writes the zones "KCN" in ô 2.
    Abbreviation{"KCN", "khu công nghiệp"},
    // School levels (Luật Giáo dục 2019, Điều 6): a school's name is its level and its own name.
    Abbreviation{"THPT", "Trung học phổ thông"},
    Abbreviation{"THCS", "Trung học cơ sở"},
};

// Names of bodies and posts in their written case (ND30 Phụ lục II), matched on folded words,
// longest first. Words after a "head" (Bộ, Sở, Ban ...) start a proper name.
struct KnownName {
  std::string_view written;
  bool head;                   // the next word starts a proper name ("Sở" + "Nội vụ")
  bool place_follows = false;  // a place name follows ("Tỉnh ủy Thanh Hóa")
  bool body_only = false;      // read in a body's name, not in a title
};
constexpr std::array kKnownNames = {
    KnownName{"Ủy ban Mặt trận Tổ quốc Việt Nam", false},
    KnownName{"Đoàn Thanh niên Cộng sản Hồ Chí Minh", false},
    KnownName{"Đoàn TNCS Hồ Chí Minh", false},
    KnownName{"Viện kiểm sát nhân dân tối cao", false},
    KnownName{"Ngân hàng Nhà nước Việt Nam", false},
    KnownName{"Ủy ban Thường vụ Quốc hội", false},
    KnownName{"Ban Chấp hành Trung ương", false},
    // A Party committee's own name at every level (Điều lệ Đảng: "Ban Chấp hành Đảng bộ ..."),
    // written so inside a title in capitals ("HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ XÃ ...").
    KnownName{"Ban Chấp hành", false},
    KnownName{"Mặt trận Tổ quốc Việt Nam", false},
    KnownName{"Tòa án nhân dân tối cao", false},
    KnownName{"Bảo hiểm xã hội Việt Nam", false},
    KnownName{"Đảng Cộng sản Việt Nam", false},
    KnownName{"Tổng Kiểm toán nhà nước", false},
    KnownName{"Phó Chánh Văn phòng", false},
    KnownName{"Hội đồng nhân dân", false},
    KnownName{"Thủ tướng Chính phủ", false},
    KnownName{"Thanh tra Chính phủ", false},
    KnownName{"Kiểm toán nhà nước", false},
    KnownName{"Kho bạc Nhà nước", false},
    KnownName{"Chánh Văn phòng", false},
    KnownName{"Ủy ban nhân dân", false},
    KnownName{"Phó Thủ tướng", false},
    KnownName{"Phó Giám đốc", false},
    KnownName{"Phó Chủ tịch", false},
    KnownName{"Phó Trưởng ban", false},
    KnownName{"Phó Hiệu trưởng", false},
    KnownName{"Hiệu trưởng", false},
    KnownName{"Ban cán sự đảng", false},
    KnownName{"Tổng Giám đốc", false},
    KnownName{"Tổng cục trưởng", false},
    KnownName{"Bộ Chính trị", false},
    KnownName{"Bộ Công Thương", false},
    KnownName{"Sở Công Thương", false},
    KnownName{"Ban Bí thư", false},
    KnownName{"Ban Thường vụ", false},
    KnownName{"Ủy ban Kiểm tra", false},
    // The standing deputy secretary of a Party committee, a post of its own (Điều lệ Đảng's
    // rules on committees write "Phó Bí thư Thường trực"), named before the plain deputy.
    KnownName{"Phó Bí thư Thường trực", false},
    KnownName{"Phó Bí thư", false},
    KnownName{"Trung ương", false},
    KnownName{"Chính phủ", false},
    KnownName{"Quốc hội", false},
    KnownName{"Chủ tịch", false},
    KnownName{"Bộ trưởng", false},
    KnownName{"Thứ trưởng", false},
    KnownName{"Thủ tướng", false},
    KnownName{"Giám đốc", false},
    KnownName{"Trưởng ban", false},
    KnownName{"Trưởng phòng", false},
    KnownName{"Cục trưởng", false},
    KnownName{"Vụ trưởng", false},
    KnownName{"Viện trưởng", false},
    KnownName{"Chánh án", false},
    KnownName{"Thống đốc", false},
    KnownName{"Chủ nhiệm", false},
    KnownName{"Bí thư", false},
    // The standing office of a steering or command board, named by its role (Nghị định
    // 66/2021/NĐ-CP: "Văn phòng thường trực" of the Ban Chỉ huy), capitalised as a body's name.
    KnownName{"Văn phòng Thường trực", false},
    KnownName{"Văn phòng", false},
    KnownName{"Đảng ủy", false},
    KnownName{"Đảng bộ", false},
    KnownName{"Chi bộ", false},
    KnownName{"Tỉnh ủy", false, true},
    KnownName{"Thành ủy", false, true},
    KnownName{"Huyện ủy", false, true},
    KnownName{"Quận ủy", false, true},
    KnownName{"Thị ủy", false, true},
    KnownName{"Việt Nam", false},
    // A school's level: its own name (a place's or a person's) follows, word by word capitalised
    // ("Trường Trung học phổ thông Phước Bửu"); "Đoàn trường" is its Youth Union.
    KnownName{"Trung học phổ thông", false, true},
    KnownName{"Trung học cơ sở", false, true},
    // The other levels of the system (Luật Giáo dục 2019, Điều 6: giáo dục mầm non, its nhà trẻ
    // and mẫu giáo, and tiểu học) name schools the same way ("Trường Tiểu học Quang Châu",
    // "Trường Mầm non Mai Vàng"). Only in a body's name: in a title they are levels of education,
    // common nouns ("giáo dục tiểu học").
    KnownName{"Tiểu học", false, true, true},
    KnownName{"Mầm non", false, true, true},
    KnownName{"Mẫu giáo", false, true, true},
    KnownName{"Đoàn trường", false},
    // The Youth Union of a commune, ward or township ("BCH ĐOÀN XÃ TÂN LẬP"): "Đoàn" is the
    // organisation's short name, a proper name as "Đảng" is; its level and place follow.
    KnownName{"Đoàn xã", false, true},
    KnownName{"Đoàn phường", false, true},
    KnownName{"Đoàn thị trấn", false, true},
    // And of a district, town or city (Điều lệ Đoàn: "Ban Chấp hành Đoàn huyện X", the Huyện
    // đoàn), its committee heading its letters as "BCH ĐOÀN HUYỆN ...".
    KnownName{"Đoàn huyện", false, true},
    KnownName{"Đoàn quận", false, true},
    KnownName{"Đoàn thị xã", false, true},
    KnownName{"Tổng cục", true},
    KnownName{"Trung tâm", true},
    KnownName{"Bệnh viện", true},
    KnownName{"Ủy ban", true},
    KnownName{"Hội đồng", true},
    KnownName{"Liên đoàn", true},
    // A school's unit of the Young Pioneers ("LIÊN ĐỘI THCS MINH LẬP"), named by its school.
    KnownName{"Liên đội", true},
    // A trade union (Luật Công đoàn 2012: Công đoàn Việt Nam, its unions of a sector, "Công đoàn
    // Giáo dục Việt Nam", and of a unit): a body whose own name follows.
    KnownName{"Công đoàn", true},
    KnownName{"Công an", true},
    KnownName{"Trường", true},
    KnownName{"Phòng", true},
    KnownName{"Viện", true},
    KnownName{"Cục", true},
    KnownName{"Tiểu ban", true},  // a sub-committee, often of an organising board
    KnownName{"Ban", true},
    KnownName{"Bộ", true},
    KnownName{"Sở", true},
    KnownName{"Vụ", true},
    KnownName{"Hội", true},
};

// Administrative levels (Luật Tổ chức chính quyền địa phương 2015, art. 2; đặc khu since
// 2025): the words after them are a place name, capitalised word by word. The one table of
// levels: every reader of level words takes them from here (administrative_levels()), so a
// level added once reaches them all. From the top tier down: a province's (thành phố, tỉnh), a
// district's (huyện, quận, thị xã), a commune's (thị trấn, xã, phường, đặc khu), so that a
// reader taking the first level a name holds takes its highest unit ("Bảo hiểm xã hội tỉnh X":
// "tỉnh X", not the "xã" of "xã hội"); "thị xã" and "thị trấn" come before "xã", in them.
constexpr std::array kLevels = {
    std::string_view{"thành phố"}, std::string_view{"tỉnh"},   std::string_view{"huyện"},
    std::string_view{"quận"},      std::string_view{"thị xã"}, std::string_view{"thị trấn"},
    std::string_view{"xã"},        std::string_view{"phường"}, std::string_view{"đặc khu"},
};

// The provinces and centrally run cities: the 63 of the list of administrative units (Danh mục
// các đơn vị hành chính Việt Nam, QĐ 124/2004/QĐ-TTg as amended to 2024) and Huế, a centrally
// run city since 2025. The 34 units of Nghị quyết 202/2025/QH15 keep names of this list.
constexpr std::array kProvinces = {
    std::string_view{"Hà Nội"},      std::string_view{"Hồ Chí Minh"},
    std::string_view{"Hải Phòng"},   std::string_view{"Đà Nẵng"},
    std::string_view{"Cần Thơ"},     std::string_view{"Huế"},
    std::string_view{"An Giang"},    std::string_view{"Bà Rịa - Vũng Tàu"},
    std::string_view{"Bắc Giang"},   std::string_view{"Bắc Kạn"},
    std::string_view{"Bạc Liêu"},    std::string_view{"Bắc Ninh"},
    std::string_view{"Bến Tre"},     std::string_view{"Bình Định"},
    std::string_view{"Bình Dương"},  std::string_view{"Bình Phước"},
    std::string_view{"Bình Thuận"},  std::string_view{"Cà Mau"},
    std::string_view{"Cao Bằng"},    std::string_view{"Đắk Lắk"},
    std::string_view{"Đắk Nông"},    std::string_view{"Điện Biên"},
    std::string_view{"Đồng Nai"},    std::string_view{"Đồng Tháp"},
    std::string_view{"Gia Lai"},     std::string_view{"Hà Giang"},
    std::string_view{"Hà Nam"},      std::string_view{"Hà Tĩnh"},
    std::string_view{"Hải Dương"},   std::string_view{"Hậu Giang"},
    std::string_view{"Hòa Bình"},    std::string_view{"Hưng Yên"},
    std::string_view{"Khánh Hòa"},   std::string_view{"Kiên Giang"},
    std::string_view{"Kon Tum"},     std::string_view{"Lai Châu"},
    std::string_view{"Lâm Đồng"},    std::string_view{"Lạng Sơn"},
    std::string_view{"Lào Cai"},     std::string_view{"Long An"},
    std::string_view{"Nam Định"},    std::string_view{"Nghệ An"},
    std::string_view{"Ninh Bình"},   std::string_view{"Ninh Thuận"},
    std::string_view{"Phú Thọ"},     std::string_view{"Phú Yên"},
    std::string_view{"Quảng Bình"},  std::string_view{"Quảng Nam"},
    std::string_view{"Quảng Ngãi"},  std::string_view{"Quảng Ninh"},
    std::string_view{"Quảng Trị"},   std::string_view{"Sóc Trăng"},
    std::string_view{"Sơn La"},      std::string_view{"Tây Ninh"},
    std::string_view{"Thái Bình"},   std::string_view{"Thái Nguyên"},
    std::string_view{"Thanh Hóa"},   std::string_view{"Thừa Thiên Huế"},
    std::string_view{"Tiền Giang"},  std::string_view{"Trà Vinh"},
    std::string_view{"Tuyên Quang"}, std::string_view{"Vĩnh Long"},
    std::string_view{"Vĩnh Phúc"},   std::string_view{"Yên Bái"},
};

// The form names are compared in: lower case, diacritics kept (TĨNH is not TỈNH), tone
// placement unified (ỦY = UỶ), punctuation around the word dropped.
std::string word_form(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == '.'))
    word.remove_suffix(1);
  // The dash between the parts of a name, as a word processor sets it: AutoCorrect turns a
  // typed " - " into an en dash ("LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"), some fonts an em dash.
  // The same joiner of the same name.
  if (word == "\xE2\x80\x93" || word == "\xE2\x80\x94") return "-";
  return exact_form(word);
}

// Words joining the parts of a name; the word after them starts a new part.
bool is_joiner(std::string_view word) {
  return word == "và" || word == "-" || word == "&" || word == "–";
}

struct PreparedName {
  std::vector<std::string> folded_words;
  std::string_view written;
  bool head;
  bool place_follows;
  // Read in a body's name, not in a title: a province ("HÒA BÌNH" may be peace), a school's level.
  bool body_only = false;
};

const std::vector<PreparedName>& prepared_names() {
  static const std::vector<PreparedName> names = [] {
    std::vector<PreparedName> out;
    for (const KnownName& name : kKnownNames) {
      PreparedName prepared{{}, name.written, name.head, name.place_follows, name.body_only};
      for (std::string_view word : split_words(name.written))
        prepared.folded_words.push_back(word_form(word));
      out.push_back(std::move(prepared));
    }
    for (const std::string& name : ministry_and_department_names()) {
      PreparedName prepared{{}, name, false, false};
      for (std::string_view word : split_words(name))
        prepared.folded_words.push_back(word_form(word));
      out.push_back(std::move(prepared));
      // A field the table writes with every word capitalised is a proper noun of its own
      // ("Công Thương", the contraction of Công nghiệp and Thương mại that names the ministry):
      // written so wherever a body's name holds it ("Trường Đại học Công Thương ...", "Công
      // đoàn Công Thương Việt Nam"), not only after "Bộ" or "Sở". A field in running case
      // ("Nội vụ", "Kế hoạch và Đầu tư") is a common noun outside the ministry's name.
      if (!name.starts_with("Bộ ")) continue;
      const std::string_view field = std::string_view(name).substr(std::string_view("Bộ ").size());
      const auto field_words = split_words(field);
      if (field_words.size() < 2 ||
          !std::all_of(field_words.begin(), field_words.end(),
                       [](std::string_view word) { return starts_upper(word); }))
        continue;
      PreparedName proper{{}, field, false, false};
      for (std::string_view word : field_words)
        proper.folded_words.push_back(word_form(word));
      out.push_back(std::move(proper));
    }
    // A province's name is a proper noun wherever a body's name holds it, a level word before
    // it or not ("SỞ Y TẾ BẮC NINH": "Sở Y tế Bắc Ninh", as its date line writes the place).
    for (std::string_view province : kProvinces) {
      PreparedName prepared{{}, province, false, false, true};
      for (std::string_view word : split_words(province))
        prepared.folded_words.push_back(word_form(word));
      out.push_back(std::move(prepared));
    }
    // A name with a dash, the dash left out: pdftotext drops a hyphen that ends a line, so
    // "BỘ LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI" comes out without it; the name is written
    // with it.
    const std::size_t count = out.size();
    for (std::size_t k = 0; k < count; ++k) {
      PreparedName without = out[k];
      std::erase_if(without.folded_words,
                    [](const std::string& word) { return word == "-" || word == "\xE2\x80\x93"; });
      if (without.folded_words.size() < out[k].folded_words.size())
        out.push_back(std::move(without));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.folded_words.size() > b.folded_words.size();
    });
    return out;
  }();
  return names;
}

const std::vector<std::vector<std::string>>& prepared_levels() {
  static const std::vector<std::vector<std::string>> levels = [] {
    std::vector<std::vector<std::string>> out;
    for (std::string_view level : kLevels) {
      std::vector<std::string> words;
      for (std::string_view word : split_words(level))
        words.push_back(word_form(word));
      out.push_back(std::move(words));
    }
    return out;
  }();
  return levels;
}

// For a body's name: the administrative levels and the residential units below a commune
// (Thông tư 04/2012/TT-BNV: "thôn" and "tổ dân phố"; in the South "ấp", in towns "khu phố"),
// each named by the words after it ("TỔ DÂN PHỐ LƯƠNG HẬU": "Tổ dân phố Lương Hậu").
const std::vector<std::vector<std::string>>& prepared_name_levels() {
  static const std::vector<std::vector<std::string>> levels = [] {
    std::vector<std::vector<std::string>> out = prepared_levels();
    for (std::string_view unit : {std::string_view{"tổ dân phố"}, std::string_view{"khu phố"},
                                  std::string_view{"thôn"}, std::string_view{"ấp"}}) {
      std::vector<std::string> words;
      for (std::string_view word : split_words(unit))
        words.push_back(word_form(word));
      out.push_back(std::move(words));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return out;
  }();
  return levels;
}

bool matches_at(const std::vector<std::string>& folded, std::size_t at,
                const std::vector<std::string>& phrase) {
  if (at + phrase.size() > folded.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (folded[at + i] != phrase[i]) return false;
  return true;
}

// Splits "HĐND&UBND" into "HĐND", "&", "UBND" and "KT.CHỦ" into "KT.", "CHỦ".
std::vector<std::string> tokenize_name(std::string_view text) {
  std::vector<std::string> tokens;
  for (std::string_view word : split_words(text)) {
    std::string current;
    for (char c : word) {
      if (c == '&') {
        if (!current.empty()) tokens.push_back(current);
        tokens.emplace_back("&");
        current.clear();
      } else {
        current.push_back(c);
      }
    }
    if (!current.empty()) tokens.push_back(current);
  }
  return tokens;
}

}  // namespace

std::span<const DocumentType> document_types() {
  return kTypes;
}

std::span<const std::string_view> administrative_levels() {
  return kLevels;
}

std::span<const std::string_view> administrative_level_abbreviations() {
  static const std::vector<std::string_view> abbreviations = [] {
    std::vector<std::string_view> out;
    for (const Abbreviation& abbreviation : kAbbreviations)
      if (std::find(kLevels.begin(), kLevels.end(), abbreviation.full_form) != kLevels.end())
        out.push_back(abbreviation.short_form);
    return out;
  }();
  return abbreviations;
}

std::span<const std::string_view> province_names() {
  return kProvinces;
}

bool opens_with_type_heading(std::string_view line) {
  // The type names in capitals, once; the line's case is looked at only when one opens it.
  static const std::vector<std::string> kHeadings = [] {
    std::vector<std::string> names;
    for (const DocumentType& type : document_types())
      if (type.heads_documents) names.push_back(upper(type.name));
    return names;
  }();
  for (const std::string& name : kHeadings)
    if (line.size() > name.size() + 1 && starts_with(line, name) && line[name.size()] == ' ')
      return is_upper_text(line.substr(0, std::min<std::size_t>(line.size(), 400)));
  return false;
}

const DocumentType* type_by_name(std::string_view name) {
  struct Lowered {
    std::vector<std::string> names;  // per kTypes entry
    std::size_t longest = 0;
  };
  static const Lowered lowered = [] {
    Lowered out;
    for (const DocumentType& type : kTypes) {
      out.names.push_back(lower(type.name));
      out.longest = std::max(out.longest, out.names.back().size());
    }
    return out;
  }();
  name = trim(name);
  // Case mapping keeps Vietnamese letters within a byte or two of their length: a longer text
  // is no type name, and lowering it would cost its length on every call.
  if (name.size() > 2 * lowered.longest) return nullptr;
  const std::string wanted = lower(name);
  for (std::size_t i = 0; i < kTypes.size(); ++i)
    if (lowered.names[i] == wanted) return &kTypes[i];
  return nullptr;
}

// Codes a type shares with another (docs/domain.md §3.3): the Party writes a quy định `QĐ`, as
// its quyết định, in 37-QĐ/TW (2021), 294-QĐ/TW (2025) and under HD 05-HD/VPTW (2026), where HD
// 36 had `QĐi`; the type is told by the heading.
struct SharedCode {
  std::string_view code;
  std::string_view type_name;
  bool party;
};
constexpr std::array kSharedCodes = {
    SharedCode{"QĐ", "Quy định", true},
};

bool type_may_carry_code(const DocumentType& type, std::string_view code, bool party) {
  if (code.empty()) return false;
  if (code == (party ? type.party_code : type.state_code)) return true;
  return std::any_of(kSharedCodes.begin(), kSharedCodes.end(), [&](const SharedCode& shared) {
    return shared.party == party && shared.code == code && shared.type_name == type.name;
  });
}

const DocumentType* type_by_code(std::string_view code, bool party) {
  for (const DocumentType& type : kTypes) {
    const std::string_view own = party ? type.party_code : type.state_code;
    if (!own.empty() && own == code) return &type;
  }
  for (const CodeAlias& alias : kCodeAliases)
    if (alias.party == party && alias.code == code) return type_by_name(alias.type_name);
  return nullptr;
}

std::optional<std::string_view> written_type_code(std::string_view folded_code) {
  std::optional<std::string_view> written;
  const auto consider = [&](std::string_view code) {
    if (code.empty() || fold(code) != folded_code) return true;
    if (written && *written != code) return false;  // two spellings: none is the one
    written = code;
    return true;
  };
  for (const DocumentType& type : kTypes)
    if (!consider(type.state_code) || !consider(type.party_code)) return std::nullopt;
  for (const CodeAlias& alias : kCodeAliases)
    if (!consider(alias.code)) return std::nullopt;
  return written;
}

const DocumentType* type_by_folded_code(std::string_view folded_code, bool party) {
  // Every code folded once, with its type, for each form.
  using Folded = std::vector<std::pair<std::string, const DocumentType*>>;
  static const std::array<Folded, 2> tables = [] {
    std::array<Folded, 2> out;
    for (int form = 0; form < 2; ++form) {
      for (const DocumentType& type : kTypes) {
        const std::string_view own = form == 1 ? type.party_code : type.state_code;
        if (!own.empty()) out[form].emplace_back(fold(own), &type);
      }
      for (const CodeAlias& alias : kCodeAliases)
        if (alias.party == (form == 1))
          out[form].emplace_back(fold(alias.code), type_by_name(alias.type_name));
    }
    return out;
  }();
  const DocumentType* found = nullptr;
  for (const auto& [code, type] : tables[party ? 1 : 0]) {
    if (code != folded_code) continue;
    if (found && found != type) return nullptr;  // two types fold alike: none is proved
    found = type;
  }
  return found;
}

bool is_state_type_code(std::string_view code) {
  return !code.empty() && type_by_code(code, false) != nullptr;
}

bool is_folded_state_type_code(std::string_view folded_code) {
  static const std::vector<std::string> folded = [] {
    std::vector<std::string> out;
    for (const DocumentType& type : kTypes)
      if (!type.state_code.empty()) out.push_back(fold(type.state_code));
    for (const CodeAlias& alias : kCodeAliases)
      if (!alias.party) out.push_back(fold(alias.code));
    return out;
  }();
  return !folded_code.empty() &&
         std::find(folded.begin(), folded.end(), folded_code) != folded.end();
}

bool is_folded_party_type_code(std::string_view folded_code) {
  static const std::vector<std::string> folded = [] {
    std::vector<std::string> out;
    for (const DocumentType& type : kTypes)
      if (!type.party_code.empty()) out.push_back(fold(type.party_code));
    for (const CodeAlias& alias : kCodeAliases)
      if (alias.party) out.push_back(fold(alias.code));
    return out;
  }();
  return !folded_code.empty() &&
         std::find(folded.begin(), folded.end(), folded_code) != folded.end();
}

std::optional<std::string_view> expand_abbreviation(std::string_view word) {
  for (const Abbreviation& abbreviation : kAbbreviations)
    if (abbreviation.short_form == word) return abbreviation.full_form;
  return std::nullopt;
}

bool opens_with_abbreviation(std::string_view text) {
  return std::any_of(
      kAbbreviations.begin(), kAbbreviations.end(),
      [&](const Abbreviation& abbreviation) { return text.starts_with(abbreviation.short_form); });
}

namespace {

// A school's level abbreviated right after "Trường" ("TRƯỜNG TH NGỌC THIỆN 2", "TRƯỜNG MN MAI
// VÀNG", "Trường TH&THCS ..."): TH, MN and MG stand for the levels of Luật Giáo dục 2019, Điều 6,
// there only; elsewhere "TH" is a register's "tổng hợp", a code of many offices. `previous` is
// the token before, or the level that opened a school of several levels ("TH" & "THCS").
std::optional<std::string_view> school_level_abbreviation(std::string_view previous,
                                                          std::string_view token) {
  if (fold_key(previous) != "truong") return std::nullopt;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kSchoolLevels = {{
      {"TH", "Tiểu học"},
      {"MN", "Mầm non"},
      {"MG", "Mẫu giáo"},
  }};
  for (const auto& [code, level] : kSchoolLevels)
    if (token == code) return level;
  return std::nullopt;
}

}  // namespace

std::string expand_abbreviations(std::string_view text) {
  std::string out;
  std::string previous;
  for (const std::string& token : tokenize_name(text)) {
    if (!out.empty()) out.push_back(' ');
    const std::string before = std::exchange(previous, token);
    if (token == "&") {
      out += "và";
    } else if (auto level = school_level_abbreviation(before, token)) {
      out += *level;
    } else if (auto full = expand_abbreviation(token)) {
      out += *full;
    } else if (token.size() > 1 && token.back() == ',' &&
               expand_abbreviation(std::string_view(token).substr(0, token.size() - 1))) {
      // One of several bodies listed ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh").
      out += *expand_abbreviation(std::string_view(token).substr(0, token.size() - 1));
      out.push_back(',');
    } else {
      out += token;
    }
  }
  return out;
}

// Type names of instruments a title may refer to, as folded words; `true`: only before "số".
const std::vector<std::pair<std::vector<std::string>, bool>>& instrument_names() {
  static const auto names = [] {
    std::vector<std::pair<std::vector<std::string>, bool>> out;
    for (auto [name, before_number_only] : {std::pair{std::string_view{"quyết định"}, false},
                                            {"chỉ thị", false},
                                            {"nghị quyết", false},
                                            {"nghị định", false},
                                            {"thông tư", false},
                                            {"đề án", false},
                                            {"chương trình", false},
                                            {"kế hoạch", false},
                                            {"quy chế", false},
                                            {"quy hoạch", false},
                                            {"dự án", false},
                                            {"kết luận", false},
                                            {"công văn", false},
                                            {"quy định", true},
                                            {"hướng dẫn", true},
                                            {"thông báo", true},
                                            {"báo cáo", true}}) {
      std::vector<std::string> words;
      for (std::string_view word : split_words(name))
        words.push_back(word_form(word));
      out.emplace_back(std::move(words), before_number_only);
    }
    return out;
  }();
  return names;
}

// True when the word's letters spell one Vietnamese syllable (punctuation around it aside).
bool spells_syllable(std::string_view word) {
  // Each part of a hyphenated word on its own ("TẾ-XÃ"); digits or a slash make a symbol or a
  // code ("34/2014/QĐ-TTG", "COVID-19").
  std::u32string letters;
  for (std::size_t pos = 0; pos <= word.size();) {
    std::size_t length = 0;
    const char32_t c = pos < word.size() ? code_point_at(word, pos, &length) : U'-';
    pos += length == 0 ? 1 : length;
    if (is_letter(c)) {
      letters.push_back(c);
    } else if (is_digit(c) || c == U'/') {
      return false;
    } else if (c == U'-' || c == U'\u2013') {
      if (!letters.empty() && !syllable::is_vietnamese(letters)) return false;
      letters.clear();
    }
  }
  return true;
}

bool ends_mid_phrase(std::string_view text) {
  static constexpr std::array kOpenWords = {
      std::string_view{"của"},   std::string_view{"với"},   std::string_view{"và"},
      std::string_view{"về"},    std::string_view{"cho"},   std::string_view{"tại"},
      std::string_view{"trên"},  std::string_view{"giữa"},  std::string_view{"theo"},
      std::string_view{"đối"},   std::string_view{"các"},   std::string_view{"những"},
      std::string_view{"thuộc"}, std::string_view{"trong"}, std::string_view{"từ"},
      std::string_view{"đến"},   std::string_view{"để"},    std::string_view{"nhằm"},
      std::string_view{"hoặc"},  std::string_view{"là"},    std::string_view{"-"},
      std::string_view{"–"},     std::string_view{"luật"},  std::string_view{"bộ"},
      std::string_view{"ngày"},  std::string_view{"bởi"},   std::string_view{"trước"},
  };
  const auto words = split_words(trim(text));
  if (words.empty()) return false;
  const std::string_view last = words.back();
  if (last.ends_with(",")) return true;
  const std::string form = word_form(last);
  return std::find(kOpenWords.begin(), kOpenWords.end(), form) != kOpenWords.end();
}

namespace {

// A symbol in a title set in capitals gets back the lower-case letters its codes are written
// with (ND30 Phụ lục III; docs/domain.md §1.4): "34/2014/QĐ-TTG" → "34/2014/QĐ-TTg".
std::string symbol_case(std::string_view word) {
  static constexpr std::array kMixedCodes = {
      std::string_view{"TTg"}, std::string_view{"CTr"}, std::string_view{"TTr"},
      std::string_view{"QyĐ"}, std::string_view{"TrS"}, std::string_view{"QĐi"},
  };
  if (word.find('/') == std::string_view::npos) return std::string(word);
  std::string out;
  std::size_t start = 0;
  while (start <= word.size()) {
    std::size_t end = word.find_first_of("/-", start);
    if (end == std::string_view::npos) end = word.size();
    const std::string_view segment = word.substr(start, end - start);
    const auto mixed = std::find_if(kMixedCodes.begin(), kMixedCodes.end(),
                                    [&](std::string_view code) { return upper(code) == segment; });
    out += mixed != kMixedCodes.end() ? std::string(*mixed) : std::string(segment);
    if (end < word.size()) out.push_back(word[end]);
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string proper_case_title(std::string_view capitals) {
  // Words that end a place name in a title ("TỈNH QUẢNG NAM NĂM 2026", "... GIAI ĐOẠN ...").
  static constexpr std::array kAfterPlace = {
      std::string_view{"năm"},   std::string_view{"giai"},  std::string_view{"về"},
      std::string_view{"và"},    std::string_view{"của"},   std::string_view{"trên"},
      std::string_view{"theo"},  std::string_view{"đến"},   std::string_view{"từ"},
      std::string_view{"tại"},   std::string_view{"trong"}, std::string_view{"với"},
      std::string_view{"cho"},   std::string_view{"để"},    std::string_view{"nhằm"},
      std::string_view{"thuộc"}, std::string_view{"trực"},  std::string_view{"đối"},
      std::string_view{"lần"},   std::string_view{"khóa"},  std::string_view{"nhiệm"},
      std::string_view{"hội"},   std::string_view{"sau"},   std::string_view{"khi"},
      std::string_view{"ban"},   std::string_view{"kèm"},   std::string_view{"đã"},
  };
  const auto raw = split_words(capitals);
  std::vector<std::string> folded;
  for (std::string_view word : raw)
    folded.push_back(word_form(word));
  // Where the object of an opening "ban hành" ("về việc ban hành") begins; npos without one.
  std::size_t issued_at = std::string::npos;
  if (folded.size() > 2 && folded[0] == "ban" && folded[1] == "hành") issued_at = 2;
  if (folded.size() > 4 && folded[0] == "về" && folded[1] == "việc" && folded[2] == "ban" &&
      folded[3] == "hành")
    issued_at = 4;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < raw.size();) {
    bool matched = false;
    for (const PreparedName& name : prepared_names()) {
      if (name.body_only) continue;
      // Heads ("Ban", "Hội", "Phòng") are common words in titles ("BAN HÀNH", "HỘI NGHỊ").
      if (name.head || !matches_at(folded, i, name.folded_words)) continue;
      // The table's capitals on the document's letters: "ĐẢNG UỶ" → "Đảng uỷ" where the title
      // writes the tone so, "Đảng ủy" where it writes "ỦY" (the two placements are one word).
      const auto written = split_words(name.written);
      const std::string_view last = raw[i + name.folded_words.size() - 1];
      std::size_t punctuation = last.size();
      while (punctuation > 0 &&
             std::string_view(",;.:").find(last[punctuation - 1]) != std::string_view::npos)
        --punctuation;
      for (std::size_t k = 0; k < written.size(); ++k) {
        const std::string_view word =
            k + 1 == written.size() ? last.substr(0, punctuation) : raw[i + k];
        if (written.size() != name.folded_words.size() || !is_upper_text(word) ||
            word_form(word) != word_form(written[k]) || is_upper_text(written[k]))
          out.emplace_back(written[k]);
        else if (starts_upper(written[k]))
          out.push_back(capitalize_first(lower(word)));
        else
          out.push_back(lower(word));
      }
      i += name.folded_words.size();
      out.back() += std::string(last.substr(punctuation));
      matched = true;
      break;
    }
    if (matched) continue;
    const bool plural = i > 0 && (folded[i - 1] == "các" || folded[i - 1] == "những" ||
                                  folded[i - 1] == "cấp" || folded[i - 1] == "mỗi");
    for (const auto& level : prepared_levels()) {
      if (plural || !matches_at(folded, i, level)) continue;
      // "XÃ HỘI" is society, not a commune.
      if (i + level.size() < raw.size() && std::find(kAfterPlace.begin(), kAfterPlace.end(),
                                                     folded[i + level.size()]) != kAfterPlace.end())
        break;
      for (std::size_t k = 0; k < level.size(); ++k)
        out.push_back(lower(raw[i + k]));
      // Levels listed ("XÃ, PHƯỜNG, THỊ TRẤN PHÙ HỢP ...", "HUYỆN, THỊ XÃ, THÀNH PHỐ; UBND
      // ..."): each names a kind of unit, no place follows.
      const std::string_view last_word = raw[i + level.size() - 1];
      const bool listed_after = last_word.ends_with(",") || last_word.ends_with(";");
      bool listed_before = false;
      if (i > 0 && (raw[i - 1].ends_with(",") || raw[i - 1].ends_with(";")))
        for (const auto& previous : prepared_levels())
          if (previous.size() <= i && matches_at(folded, i - previous.size(), previous))
            listed_before = true;
      i += level.size();
      if (listed_after || listed_before) {
        matched = true;
        break;
      }
      bool dashed = false;  // past a dash joining two names of one unit
      for (std::size_t taken = 0; i < raw.size() && taken < 4; ++taken, ++i) {
        const std::string_view word = raw[i];
        // A unit named by two names joined by a dash ("THÀNH PHỐ PHAN RANG - THÁP CHÀM", "BÀ
        // RỊA - VŨNG TÀU"; ND30 Phụ lục II writes each part's syllables capitalised): the dash
        // is no word of the name and the second name counts anew, once, when a name of at most
        // three words follows it up to the title's end or a word that ends a place.
        if (word == "-" && !dashed && taken > 0 && taken < 4) {
          std::size_t k = i + 1;
          while (k < raw.size() && k < i + 4 && !is_digit(code_point_at(raw[k], 0)) &&
                 raw[k] != "-" &&
                 std::find(kAfterPlace.begin(), kAfterPlace.end(), folded[k]) == kAfterPlace.end())
            ++k;
          const bool closed = k == raw.size() || std::find(kAfterPlace.begin(), kAfterPlace.end(),
                                                           folded[k]) != kAfterPlace.end();
          if (k > i + 1 && closed) {
            out.emplace_back(word);
            dashed = true;
            taken = 0;
            continue;
          }
          break;  // a dash before what is no second name ends the place
        }
        if (is_digit(code_point_at(word, 0)) ||
            std::find(kAfterPlace.begin(), kAfterPlace.end(), folded[i]) != kAfterPlace.end())
          break;
        out.push_back(sentence_case(word));
        if (word.ends_with(",") || word.ends_with(";") || word.ends_with(".")) {
          ++i;
          break;
        }
      }
      matched = true;
      break;
    }
    if (matched) continue;
    // A law, a code or an ordinance the title names ("... TRONG BỘ LUẬT TỐ TỤNG HÌNH SỰ"): its
    // type word capitalised (ND30 Phụ lục II: "Bộ luật Hình sự", "Luật Tổ chức Quốc hội"), when
    // the words from it on begin a name the table of law names knows; "PHÁP LUẬT", "KỶ LUẬT"
    // and an unknown name are no law.
    if (!plural && (folded[i] == "luật" || folded[i] == "pháp" ||
                    (folded[i] == "bộ" && i + 1 < raw.size() && folded[i + 1] == "luật"))) {
      const std::size_t type_length = folded[i] == "luật" ? 1 : 2;
      std::string words;
      for (std::size_t k = i; k < raw.size() && k < i + 24; ++k)
        words += std::string(k == i ? "" : " ") + std::string(raw[k]);
      const bool named = (folded[i] != "pháp" || (i + 1 < raw.size() && folded[i + 1] == "lệnh")) &&
                         known_law_name_end(words, 0).has_value();
      if (named) {
        out.push_back(sentence_case(raw[i]));
        for (std::size_t k = 1; k < type_length; ++k)
          out.push_back(lower(raw[i + k]));
        i += type_length;
        continue;
      }
    }
    // The name of an instrument the title refers to ("THỰC HIỆN ĐỀ ÁN ...", "QUYẾT ĐỊNH SỐ
    // 34/2014/QĐ-TTG"): the type name capitalised (ND30 Phụ lục II). Words that are also
    // verbs ("quy định", "hướng dẫn") only before "số".
    std::size_t type_words = 0;
    for (const auto& [name, before_number_only] : instrument_names()) {
      if (!matches_at(folded, i, name)) continue;
      const std::size_t after = i + name.size();
      const bool numbered = after < raw.size() && folded[after] == "số";
      // What a decision issues is an instrument named by its type: "BAN HÀNH QUY ĐỊNH ..." →
      // "Ban hành Quy định ..." (ND30 Phụ lục II: the type of a named instrument capitalised).
      const bool issued = i >= 2 && folded[i - 2] == "ban" && folded[i - 1] == "hành";
      if (!plural && (numbered || issued || !before_number_only)) type_words = name.size();
      break;
    }
    if (type_words > 0) {
      out.push_back(sentence_case(raw[i]));
      for (std::size_t k = 1; k < type_words; ++k)
        out.push_back(lower(raw[i + k]));
      i += type_words;
      continue;
    }
    // The object of a title that opens with "ban hành" (a decision issuing an instrument, ND30
    // Phụ lục III mẫu 1.3) is the issued instrument's name, whose first word is capitalised as
    // a named document's is (ND30 Phụ lục II), whatever its kind: "BAN HÀNH HỆ THỐNG NGÀNH KINH
    // TẾ ..." → "Ban hành Hệ thống ngành kinh tế ...". Not a plural or a classifier before it
    // ("các nguyên tắc", "bản quy định"), nor a word that makes "ban hành" passive ("mới").
    if (i == issued_at && spells_syllable(raw[i])) {
      static constexpr std::array kNotNames = {std::string_view{"các"}, std::string_view{"những"},
                                               std::string_view{"một"}, std::string_view{"mọi"},
                                               std::string_view{"bản"}, std::string_view{"kèm"},
                                               std::string_view{"và"},  std::string_view{"mới"},
                                               std::string_view{"lại"}, std::string_view{"theo"}};
      if (std::find(kNotNames.begin(), kNotNames.end(), folded[i]) == kNotNames.end()) {
        out.push_back(sentence_case(raw[i]));
        ++i;
        continue;
      }
    }
    // The Party ("CỦA ĐẢNG"), not a Party body ("ĐẢNG ỦY", "ĐẢNG VIÊN").
    const bool party = folded[i] == "đảng" &&
                       (i + 1 == raw.size() || !is_letter(code_point_at(folded[i + 1], 0)) ||
                        std::string_view(",;.").find(raw[i].back()) != std::string_view::npos ||
                        folded[i + 1] == "và" || folded[i + 1] == "về" || folded[i + 1] == "ta");
    // Abbreviations, Roman numerals, symbols and foreign words are not Vietnamese syllables:
    // they keep their capitals ("OCOP", "XIII", "UBND").
    if (party) {
      out.push_back(sentence_case(raw[i]));
    } else if (!spells_syllable(raw[i])) {
      out.push_back(symbol_case(raw[i]));
    } else {
      out.push_back(lower(raw[i]));
    }
    ++i;
  }
  std::string joined;
  for (const std::string& word : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined += word;
  }
  return capitalize_first(joined);
}

namespace {

// Two letters or more in capitals, none of them a vowel (marks aside): "CNTT", "TNHH", "PCCC".
bool is_vowelless_abbreviation(std::string_view word) {
  while (!word.empty() && std::string_view(",;.:)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  const std::string folded = fold_key(word);
  if (folded.size() < 2 || !is_upper_text(word)) return false;
  std::size_t letters = 0;
  for (char c : folded) {
    if (std::string_view("aeiouy").find(c) != std::string_view::npos) return false;
    if (c >= 'a' && c <= 'z') ++letters;
  }
  return letters >= 2;
}

// proper_case_name's words, with `guessed` true for each word whose case no table fixed: a word
// after a head word or a joiner inside a name, or one lowered as common (not a known name, a
// level, an abbreviation's expansion or a place after a level).
std::vector<std::string> proper_case_words(std::string_view text, std::vector<bool>& guessed) {
  // Expand abbreviations first; their full forms are already in written case, so mark them.
  std::vector<std::string> words;
  std::vector<bool> fixed;
  std::vector<bool> level_end;  // the last word of an abbreviated level ("TX." → "thị xã")
  std::string previous;
  for (const std::string& token : tokenize_name(text)) {
    level_end.resize(words.size(), false);
    const std::string before = std::exchange(previous, token);
    if (token == "&") {
      words.emplace_back("và");
      fixed.push_back(true);
    } else if (auto level = school_level_abbreviation(before, token)) {
      // Spelled out in the table's case; its own name follows, as after "Tiểu học" written out.
      for (std::string_view word : split_words(*level)) {
        words.emplace_back(upper(word));
        fixed.push_back(false);
      }
    } else if (auto full = expand_abbreviation(token)) {
      for (std::string_view word : split_words(*full)) {
        words.emplace_back(word);
        fixed.push_back(true);
      }
      const auto levels = administrative_levels();
      if (std::find(levels.begin(), levels.end(), *full) != levels.end()) {
        level_end.resize(words.size(), false);
        level_end.back() = true;
      }
    } else {
      words.push_back(token);
      fixed.push_back(false);
    }
  }
  std::vector<std::string> folded;
  for (const std::string& word : words)
    folded.push_back(word_form(word));

  std::vector<std::string> out;
  bool capitalise_next = false;  // after a head word or a joiner inside a proper name
  bool in_place = false;         // after an administrative level: every word capitalised
  bool in_proper_name = false;
  bool after_joiner = false;
  for (std::size_t i = 0; i < words.size();) {
    // Authority prefix ("KT.", "TM.") stays as written.
    if (authority_prefix_length(words[i]) == words[i].size()) {
      out.push_back(words[i]);
      ++i;
      in_place = in_proper_name = capitalise_next = after_joiner = false;
      continue;
    }
    bool matched = false;
    for (const PreparedName& name : prepared_names()) {
      // A head word inside a proper name is a word of it ("Bộ Quốc phòng", "Xã hội"), unless
      // a joiner starts another body ("Bộ Tài chính - Bộ Nội vụ").
      if (name.head && in_proper_name && !after_joiner) continue;
      if (matches_at(folded, i, name.folded_words)) {
        // The name as the table writes it, its dash as the document sets it (where the
        // document has one: a name that lost it is written with the table's).
        const auto written = split_words(name.written);
        const bool word_for_word = written.size() == name.folded_words.size();
        for (std::size_t k = 0; k < written.size(); ++k)
          out.emplace_back(word_for_word && written[k] == "-" ? std::string_view(words[i + k])
                                                              : written[k]);
        i += name.folded_words.size();
        // Keep the punctuation that followed the name ("BỘ TRƯỞNG, CHỦ NHIỆM").
        const std::string& last = words[i - 1];
        std::size_t punctuation = last.size();
        while (punctuation > 0 && (last[punctuation - 1] == ',' || last[punctuation - 1] == ';'))
          --punctuation;
        out.back() += last.substr(punctuation);
        capitalise_next = name.head;
        in_proper_name = name.head;
        in_place = name.place_follows;
        after_joiner = false;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "NÔNG THÔN" is the countryside ("xây dựng nông thôn mới"), no hamlet.
    const bool rural = i > 0 && folded[i - 1] == "nông" && folded[i] == "thôn";
    for (const auto& level : prepared_name_levels()) {
      // Inside a proper name after "và" or "-" a level word is part of the name ("Xã hội").
      if (!fixed[i] && !capitalise_next && !rural && matches_at(folded, i, level)) {
        // A unit named by a number ("PHƯỜNG 1", "QUẬN 3"): the level word is its name's first
        // word, written with a capital ("Phường 1", as the place of its date line is).
        const bool numbered =
            i + level.size() < words.size() && !words[i + level.size()].empty() &&
            std::all_of(words[i + level.size()].begin(), words[i + level.size()].end(),
                        [](char c) { return c >= '0' && c <= '9'; });
        for (std::size_t k = 0; k < level.size(); ++k)
          out.push_back(numbered && k == 0 ? sentence_case(words[i + k]) : lower(words[i + k]));
        i += level.size();
        in_place = true;
        in_proper_name = capitalise_next = after_joiner = false;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (fixed[i] && i < level_end.size() && level_end[i]) {
      // An abbreviated level ("TX. ĐỒNG XOÀI"): the place name follows.
      out.push_back(words[i]);
      in_place = true;
      in_proper_name = capitalise_next = after_joiner = false;
      ++i;
      continue;
    }
    // A word in capitals without a vowel is no syllable but an abbreviation ("CNTT", "TNHH",
    // "VHTT&DL"): it keeps its capitals, as a title's abbreviations do.
    const bool abbreviation = !fixed[i] && is_vowelless_abbreviation(words[i]);
    if (fixed[i] || abbreviation) {
      out.push_back(words[i]);
    } else if (in_place || capitalise_next) {
      out.push_back(sentence_case(words[i]));
    } else {
      out.push_back(lower(words[i]));
    }
    guessed.resize(out.size(), false);
    guessed.back() = !fixed[i] && !in_place && !abbreviation;
    // Two fields joined by a hyphen inside a proper name ("GIÁO DỤC-ĐÀO TẠO"): the second
    // opens with a capital as the first does ("Giáo dục-Đào tạo"); so do the parts of a place
    // named with a hyphen ("BÀ RỊA-VŨNG TÀU": "Bà Rịa-Vũng Tàu").
    if ((in_proper_name || in_place) && !fixed[i]) {
      const std::size_t hyphen = out.back().find('-');
      if (hyphen != std::string::npos && hyphen > 0 && hyphen + 1 < out.back().size())
        out.back() = out.back().substr(0, hyphen + 1) +
                     capitalize_first(std::string_view(out.back()).substr(hyphen + 1));
    }
    after_joiner = is_joiner(folded[i]);
    capitalise_next = in_proper_name && after_joiner;
    if (!capitalise_next && words[i].find(',') != std::string::npos && in_proper_name)
      capitalise_next = true;
    ++i;
  }
  guessed.resize(out.size(), false);
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined.push_back(' ');
    joined += word;
  }
  return joined;
}

// A word without the punctuation a sentence puts after it ("Dục;" → "Dục").
std::string_view without_trailing_marks(std::string_view word) {
  while (!word.empty() && std::string_view(",;.:)\"").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return word;
}

// Its exact form (case folded, marks kept): "Dục;" and "dục" are one word.
std::string bare_word(std::string_view word) {
  return exact_form(without_trailing_marks(word));
}

}  // namespace

std::string proper_case_name(std::string_view text) {
  if (!is_upper_text(text)) return expand_abbreviations(text);
  std::vector<bool> guessed;
  return capitalize_first(join_words(proper_case_words(text, guessed)));
}

std::string with_known_names_as_written(std::string_view name) {
  const auto raw = split_words(name);
  std::vector<std::string> folded;
  for (std::string_view word : raw)
    folded.push_back(word_form(word));
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    bool matched = false;
    for (const PreparedName& prepared : prepared_names()) {
      const std::size_t n = prepared.folded_words.size();
      if (n < 2 || !matches_at(folded, i, prepared.folded_words)) continue;
      const auto written = split_words(prepared.written);
      // Typed in title case, every word capitalised ("Mầm Non", "Ủy Ban Nhân Dân"), or a
      // school's level in lower case after "Trường" ("Trường mẫu giáo Hướng Dương"): the
      // table's case, the words' own letters and marks kept.
      const auto all_words = [&](auto&& test) {
        return std::all_of(raw.begin() + static_cast<std::ptrdiff_t>(i),
                           raw.begin() + static_cast<std::ptrdiff_t>(i + n), test);
      };
      const bool title_case = all_words(
          [](std::string_view word) { return starts_upper(word) && !is_upper_text(word); });
      const bool school_level = prepared.body_only && prepared.place_follows && i > 0 &&
                                folded[i - 1] == "trường" &&
                                all_words([](std::string_view word) { return starts_lower(word); });
      if (written.size() != n || (!title_case && !school_level)) break;
      for (std::size_t k = 0; k < n; ++k) {
        std::string word(raw[i + k]);
        std::size_t first = 0;
        code_point_at(word, 0, &first);
        const std::string_view initial = std::string_view(word).substr(0, first);
        word = (starts_upper(written[k]) ? upper(initial) : lower(initial)) + word.substr(first);
        out += (out.empty() ? "" : " ") + word;
      }
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    out += (out.empty() ? "" : " ") + std::string(raw[i]);
    ++i;
  }
  return out;
}

std::string spelled_as_in_text(const std::string& name, std::string_view text) {
  // Only a name exactly as capitals give it: another's spelling was written, not guessed.
  std::vector<bool> guessed;
  std::vector<std::string> words = proper_case_words(upper(name), guessed);
  if (words.empty()) return name;
  words.front() = capitalize_first(words.front());
  guessed.front() = false;  // a name's first word always takes its capital
  if (join_words(words) != name || std::find(guessed.begin(), guessed.end(), true) == guessed.end())
    return name;
  std::vector<std::string> keys;
  for (const std::string& word : words)
    keys.push_back(bare_word(word));
  // Per guessed word, the text's votes: capital initial against lower.
  std::vector<int> capital_votes(words.size(), 0);
  std::vector<int> lower_votes(words.size(), 0);
  const std::vector<std::string_view> tokens = split_words(text);
  const std::string_view first_key = keys.front();
  int occurrences = 0;
  for (std::size_t t = 0; t + words.size() <= tokens.size() && occurrences < 32; ++t) {
    // Cheap test first: a case change keeps a Vietnamese word's byte length.
    if (without_trailing_marks(tokens[t]).size() != first_key.size() ||
        bare_word(tokens[t]) != first_key)
      continue;
    std::size_t k = 1;
    while (k < words.size() && bare_word(tokens[t + k]) == keys[k])
      ++k;
    if (k < words.size()) continue;
    ++occurrences;
    // A heading in capitals or in title case tells nothing of which words are names.
    bool every_initial_capital = true;
    for (std::size_t w = 0; w < words.size(); ++w)
      every_initial_capital = every_initial_capital && is_upper(code_point_at(tokens[t + w], 0));
    if (every_initial_capital) continue;
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (!guessed[w]) continue;
      (is_upper(code_point_at(tokens[t + w], 0)) ? capital_votes : lower_votes)[w] += 1;
    }
  }
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!guessed[w]) continue;
    const bool capital = is_upper(code_point_at(words[w], 0));
    // A capital only where a part of the name starts, after a word in lower case ("Chương
    // trình Giáo dục"): a second syllable capitalised after the first ("Thi Đua - Khen
    // Thưởng") is the title case some offices type, not a proper noun.
    const bool part_starts = w > 0 && !is_upper(code_point_at(words[w - 1], 0));
    if (!capital && part_starts && capital_votes[w] > lower_votes[w]) {
      words[w] = capitalize_first(words[w]);
    } else if (capital && lower_votes[w] > capital_votes[w]) {
      std::size_t length = 0;
      code_point_at(words[w], 0, &length);
      words[w] = lower(std::string_view(words[w]).substr(0, length)) + words[w].substr(length);
    }
  }
  return join_words(words);
}

std::string with_place_marks_of(const std::string& issuer, std::string_view place) {
  const auto place_words = split_words(trim(place));
  const auto words = split_words(issuer);
  if (place_words.empty() || words.size() <= place_words.size()) return issuer;
  for (std::string_view word : place_words)
    if (!starts_upper(word)) return issuer;
  const std::size_t from = words.size() - place_words.size();
  // The place follows its level, in lower case ("huyện", "tỉnh", "thành phố", "thị xã"): the
  // last words of the table's levels, folded.
  static const std::vector<std::string> kLevelEnds = [] {
    std::vector<std::string> out;
    for (std::string_view level : kLevels)
      out.push_back(fold_key(split_words(level).back()));
    return out;
  }();
  const std::string level = fold_key(words[from - 1]);
  if (!starts_lower(words[from - 1]) ||
      std::find(kLevelEnds.begin(), kLevelEnds.end(), level) == kLevelEnds.end())
    return issuer;
  const std::size_t at = static_cast<std::size_t>(words[from].data() - issuer.data());
  const std::string_view written = std::string_view(issuer).substr(at);
  if (fold_key(written) != fold_key(place) || exact_form(written) == exact_form(place))
    return issuer;
  return issuer.substr(0, at) + collapse_spaces(place);
}

std::size_t authority_prefix_length(std::string_view text) {
  static constexpr std::array kPrefixes = {
      std::string_view{"TUQ."}, std::string_view{"TM."}, std::string_view{"KT."},
      std::string_view{"TL."},  std::string_view{"T/M"}, std::string_view{"K/T"},
      std::string_view{"T/L"},  std::string_view{"Q."},
  };
  for (std::string_view prefix : kPrefixes) {
    if (starts_with(text, prefix)) {
      return prefix.size();
    }
  }
  // A converter that lost the dot ("KT THỦ TƯỚNG"): the bare letters, alone or before a word
  // in capitals.
  for (std::string_view bare : {std::string_view{"TUQ"}, std::string_view{"TM"},
                                std::string_view{"KT"}, std::string_view{"TL"}}) {
    if (!starts_with(text, bare)) continue;
    if (text.size() == bare.size()) return bare.size();
    if (text[bare.size()] == ' ' && bare.size() + 1 < text.size() &&
        is_upper(code_point_at(text, bare.size() + 1)))
      return bare.size();
  }
  // A scan that read the dot as a comma ("KT, THỦ TƯỚNG", "TM, ỦY BAN NHÂN DÂN"): the letters
  // and the comma, when a post or body the tables know follows in capitals. A list of codes
  // ("VT, KT, TH." of "Lưu:") has none after its comma.
  for (std::string_view bare : {std::string_view{"TUQ"}, std::string_view{"TM"},
                                std::string_view{"KT"}, std::string_view{"TL"}}) {
    if (!starts_with(text, bare) || text.substr(bare.size(), 2) != ", ") continue;
    const std::string_view rest = text.substr(bare.size() + 2);
    if (is_upper_text(rest) && known_name_at(rest, 0)) return bare.size() + 1;
  }
  return 0;
}

}  // namespace vanban::analyzers::structure
