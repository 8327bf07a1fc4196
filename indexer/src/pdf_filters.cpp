#include "pdf_filters.hpp"

#include <array>
#include <cstdlib>
#include <string>

#include <zlib.h>

namespace vanban::indexer::detail {
namespace {

using Sink = PdfFilterStage::Sink;

bool is_white(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

class FlateStage final : public PdfFilterStage {
 public:
  FlateStage() { open_ = inflateInit(&stream_) == Z_OK; }
  ~FlateStage() override {
    if (open_) inflateEnd(&stream_);
  }
  FlateStage(const FlateStage&) = delete;
  FlateStage& operator=(const FlateStage&) = delete;

  bool feed(std::string_view input, const Sink& sink) override {
    if (!open_) return false;
    if (ended_) return true;
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream_.avail_in = static_cast<uInt>(input.size());
    do {
      stream_.next_out = buffer_.data();
      stream_.avail_out = static_cast<uInt>(buffer_.size());
      const int status = inflate(&stream_, Z_NO_FLUSH);
      const std::size_t made = buffer_.size() - stream_.avail_out;
      if (made > 0 && !sink(std::string_view(reinterpret_cast<const char*>(buffer_.data()), made)))
        return false;
      if (status == Z_STREAM_END) {
        ended_ = true;
        return true;
      }
      if (status != Z_OK && status != Z_BUF_ERROR) return false;  // damaged: poppler's to say
      if (status == Z_BUF_ERROR && made == 0) return true;        // needs more input
    } while (stream_.avail_in > 0 || stream_.avail_out == 0);
    return true;
  }

 private:
  z_stream stream_{};
  bool open_ = false;
  bool ended_ = false;
  std::array<unsigned char, 16384> buffer_{};
};

// Collects output bytes and hands them on 16 KB at a time.
class Output {
 public:
  explicit Output(const Sink& sink) : sink_(sink) { bytes_.reserve(kSize); }
  bool put(char c) {
    bytes_.push_back(c);
    return bytes_.size() < kSize || flush();
  }
  bool flush() {
    if (bytes_.empty()) return true;
    const bool more = sink_(bytes_);
    bytes_.clear();
    return more;
  }

 private:
  static constexpr std::size_t kSize = 16384;
  const Sink& sink_;
  std::string bytes_;
};

class AsciiHexStage final : public PdfFilterStage {
 public:
  bool feed(std::string_view input, const Sink& sink) override {
    Output out(sink);
    for (const char c : input) {
      if (ended_) break;
      if (is_white(c)) continue;
      if (c == '>') {
        ended_ = true;
        if (high_ >= 0 && !out.put(static_cast<char>(high_ << 4))) return false;
        break;
      }
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return out.flush() && false;  // damaged
      if (high_ < 0) {
        high_ = digit;
      } else {
        if (!out.put(static_cast<char>((high_ << 4) | digit))) return false;
        high_ = -1;
      }
    }
    return out.flush();
  }

 private:
  int high_ = -1;
  bool ended_ = false;
};

class Ascii85Stage final : public PdfFilterStage {
 public:
  bool feed(std::string_view input, const Sink& sink) override {
    Output out(sink);
    for (const char c : input) {
      if (ended_) break;
      if (is_white(c)) continue;
      if (c == '~') {  // "~>": the end; a last group of n digits is n - 1 bytes
        ended_ = true;
        if (count_ > 1) {
          const int digits = count_;
          while (count_ < 5)
            add('u');
          for (int i = 0; i < digits - 1; ++i)
            if (!out.put(static_cast<char>(group_ >> (24 - 8 * i)))) return false;
        }
        break;
      }
      if (c == 'z' && count_ == 0) {
        for (int i = 0; i < 4; ++i)
          if (!out.put('\0')) return false;
        continue;
      }
      if (c < '!' || c > 'u') return out.flush() && false;  // damaged
      add(c);
      if (count_ == 5) {
        for (int i = 0; i < 4; ++i)
          if (!out.put(static_cast<char>(group_ >> (24 - 8 * i)))) return false;
        count_ = 0;
        group_ = 0;
      }
    }
    return out.flush();
  }

 private:
  void add(char c) {
    group_ = group_ * 85 + static_cast<std::uint32_t>(c - '!');
    ++count_;
  }
  std::uint32_t group_ = 0;
  int count_ = 0;
  bool ended_ = false;
};

class RunLengthStage final : public PdfFilterStage {
 public:
  bool feed(std::string_view input, const Sink& sink) override {
    Output out(sink);
    for (const char c : input) {
      if (ended_) break;
      const auto byte = static_cast<unsigned char>(c);
      if (literal_ > 0) {
        --literal_;
        if (!out.put(c)) return false;
      } else if (repeat_ > 0) {
        for (int i = 0; i < repeat_; ++i)
          if (!out.put(c)) return false;
        repeat_ = 0;
      } else if (byte < 128) {
        literal_ = byte + 1;
      } else if (byte > 128) {
        repeat_ = 257 - byte;
      } else {
        ended_ = true;
      }
    }
    return out.flush();
  }

 private:
  int literal_ = 0;
  int repeat_ = 0;
  bool ended_ = false;
};

// LZW as PDF writes it: codes of 9 to 12 bits, most significant first, 256 clears the table,
// 257 ends; with /EarlyChange 1 (the default) the code grows one entry early.
class LzwStage final : public PdfFilterStage {
 public:
  explicit LzwStage(bool early_change) : early_(early_change ? 1 : 0) { clear(); }

  bool feed(std::string_view input, const Sink& sink) override {
    Output out(sink);
    for (const char c : input) {
      if (ended_) break;
      bits_ = (bits_ << 8) | static_cast<unsigned char>(c);
      held_ += 8;
      while (held_ >= width_ && !ended_) {
        held_ -= width_;
        const int code = static_cast<int>((bits_ >> held_) & ((1u << width_) - 1));
        bits_ &= (1u << held_) - 1;
        if (!take(code, out)) return out.flush() && false;
      }
    }
    return out.flush();
  }

 private:
  struct Entry {
    int prefix = -1;  // the code this one extends
    unsigned char last = 0;
    int length = 1;
  };

  void clear() {
    for (int i = 0; i < 256; ++i)
      table_[static_cast<std::size_t>(i)] = Entry{-1, static_cast<unsigned char>(i), 1};
    next_ = 258;
    width_ = 9;
    previous_ = -1;
  }

  unsigned char first_byte(int code) const {
    while (table_[static_cast<std::size_t>(code)].prefix >= 0)
      code = table_[static_cast<std::size_t>(code)].prefix;
    return table_[static_cast<std::size_t>(code)].last;
  }

  bool write(int code, Output& out) {
    const int length = table_[static_cast<std::size_t>(code)].length;
    for (int i = length - 1; i >= 0; --i) {
      scratch_[static_cast<std::size_t>(i)] =
          static_cast<char>(table_[static_cast<std::size_t>(code)].last);
      code = table_[static_cast<std::size_t>(code)].prefix;
    }
    for (int i = 0; i < length; ++i)
      if (!out.put(scratch_[static_cast<std::size_t>(i)])) return false;
    return true;
  }

  // False when the data is damaged or the sink stops. As poppler's LZWStream decodes, table
  // full included (it is cleared), so that what is counted is what poppler reads.
  bool take(int code, Output& out) {
    if (code == 256) {
      clear();
      return true;
    }
    if (code == 257) {
      ended_ = true;
      return true;
    }
    if (next_ >= kTableSize) clear();
    if (previous_ < 0) {
      if (code > 255) return false;
      previous_ = code;
      return write(code, out);
    }
    if (code > next_) return false;
    const unsigned char first = code < next_ ? first_byte(code) : first_byte(previous_);
    table_[static_cast<std::size_t>(next_)] =
        Entry{previous_, first, table_[static_cast<std::size_t>(previous_)].length + 1};
    ++next_;
    if (!write(code, out)) return false;
    previous_ = code;
    if (next_ + early_ >= 2048) {
      width_ = 12;
    } else if (next_ + early_ >= 1024) {
      width_ = 11;
    } else if (next_ + early_ >= 512) {
      width_ = 10;
    }
    return true;
  }

  static constexpr int kTableSize = 4097;  // codes 0-4096, as poppler keeps them
  std::array<Entry, kTableSize> table_{};
  std::array<char, kTableSize + 1> scratch_{};
  int early_;
  int next_ = 258;
  int width_ = 9;
  int previous_ = -1;
  std::uint32_t bits_ = 0;
  int held_ = 0;
  bool ended_ = false;
};

// PNG predictors (each row opens with its own type, 0-4) and TIFF's (2) for 8 bits a
// component: the rows as they were before prediction.
class PredictorStage final : public PdfFilterStage {
 public:
  PredictorStage(const PdfFilterSpec& spec, std::size_t row_bytes, std::size_t pixel_bytes)
      : png_(spec.predictor >= 10),
        pixel_(pixel_bytes),
        row_(row_bytes, '\0'),
        above_(row_bytes, '\0') {}

  bool feed(std::string_view input, const Sink& sink) override {
    Output out(sink);
    for (const char c : input) {
      if (png_ && at_ < 0) {  // the row's type byte
        type_ = static_cast<unsigned char>(c);
        at_ = 0;
        continue;
      }
      if (at_ < 0) at_ = 0;
      const auto i = static_cast<std::size_t>(at_);
      const auto raw = static_cast<unsigned char>(c);
      const unsigned left = i >= pixel_ ? static_cast<unsigned char>(row_[i - pixel_]) : 0;
      const unsigned up = static_cast<unsigned char>(above_[i]);
      const unsigned corner = i >= pixel_ ? static_cast<unsigned char>(above_[i - pixel_]) : 0;
      unsigned value = raw;
      if (png_) {
        switch (type_) {
          case 1:
            value = raw + left;
            break;
          case 2:
            value = raw + up;
            break;
          case 3:
            value = raw + (left + up) / 2;
            break;
          case 4:
            value = raw + paeth(left, up, corner);
            break;
          default:
            break;
        }
      } else {
        value = raw + left;  // TIFF, 8 bits a component
      }
      row_[i] = static_cast<char>(value);
      if (++at_ == static_cast<long>(row_.size())) {
        for (const char byte : row_)
          if (!out.put(byte)) return false;
        above_.swap(row_);
        at_ = -1;
      }
    }
    return out.flush();
  }

 private:
  static unsigned paeth(unsigned a, unsigned b, unsigned c) {
    const int p = static_cast<int>(a + b) - static_cast<int>(c);
    const int pa = std::abs(p - static_cast<int>(a));
    const int pb = std::abs(p - static_cast<int>(b));
    const int pc = std::abs(p - static_cast<int>(c));
    if (pa <= pb && pa <= pc) return a;
    return pb <= pc ? b : c;
  }
  bool png_;
  std::size_t pixel_;
  std::string row_;
  std::string above_;
  long at_ = -1;
  unsigned type_ = 0;
};

}  // namespace

std::optional<PdfFilterSpec::Kind> pdf_filter_kind(std::string_view name) {
  using Kind = PdfFilterSpec::Kind;
  if (name == "FlateDecode" || name == "Fl") return Kind::flate;
  if (name == "LZWDecode" || name == "LZW") return Kind::lzw;
  if (name == "ASCIIHexDecode" || name == "AHx") return Kind::ascii_hex;
  if (name == "ASCII85Decode" || name == "A85") return Kind::ascii85;
  if (name == "RunLengthDecode" || name == "RL") return Kind::run_length;
  return std::nullopt;
}

std::optional<PdfFilterChain> PdfFilterChain::make(const std::vector<PdfFilterSpec>& filters) {
  PdfFilterChain chain;
  for (const PdfFilterSpec& spec : filters) {
    switch (spec.kind) {
      case PdfFilterSpec::Kind::flate:
        chain.stages_.push_back(std::make_unique<FlateStage>());
        break;
      case PdfFilterSpec::Kind::lzw:
        chain.stages_.push_back(std::make_unique<LzwStage>(spec.early_change));
        break;
      case PdfFilterSpec::Kind::ascii_hex:
        chain.stages_.push_back(std::make_unique<AsciiHexStage>());
        break;
      case PdfFilterSpec::Kind::ascii85:
        chain.stages_.push_back(std::make_unique<Ascii85Stage>());
        break;
      case PdfFilterSpec::Kind::run_length:
        chain.stages_.push_back(std::make_unique<RunLengthStage>());
        break;
    }
    const bool predicts =
        spec.kind == PdfFilterSpec::Kind::flate || spec.kind == PdfFilterSpec::Kind::lzw;
    if (!predicts || spec.predictor < 2) continue;
    // poppler's own bounds on a predictor's row; a row past 16 MB is not worth undoing here.
    if (spec.colors < 1 || spec.colors > 32 || spec.columns < 1 ||
        (spec.bits_per_component != 1 && spec.bits_per_component != 2 &&
         spec.bits_per_component != 4 && spec.bits_per_component != 8 &&
         spec.bits_per_component != 16))
      return std::nullopt;
    const std::uint64_t bits = std::uint64_t{static_cast<unsigned>(spec.columns)} *
                               static_cast<unsigned>(spec.colors) *
                               static_cast<unsigned>(spec.bits_per_component);
    if (bits > std::uint64_t{128} * 1024 * 1024) return std::nullopt;
    const std::size_t pixel =
        (static_cast<std::size_t>(spec.colors) * static_cast<std::size_t>(spec.bits_per_component) +
         7) /
        8;
    // TIFF's prediction other than of bytes (1, 2, 4, 16 bits a component): not undone.
    if (spec.predictor == 2 && spec.bits_per_component != 8) return std::nullopt;
    if (spec.predictor != 2 && spec.predictor < 10) continue;  // 1, 3-9: no prediction
    chain.stages_.push_back(
        std::make_unique<PredictorStage>(spec, static_cast<std::size_t>((bits + 7) / 8), pixel));
  }
  return chain;
}

namespace {

bool feed_from(const std::vector<std::unique_ptr<PdfFilterStage>>& stages, std::size_t i,
               std::string_view input, const Sink& sink) {
  if (i == stages.size()) return sink(input);
  return stages[i]->feed(input, [&stages, i, &sink](std::string_view output) {
    return feed_from(stages, i + 1, output, sink);
  });
}

}  // namespace

bool PdfFilterChain::feed(std::string_view input, const PdfFilterStage::Sink& sink) {
  return feed_from(stages_, 0, input, sink);
}

}  // namespace vanban::indexer::detail
