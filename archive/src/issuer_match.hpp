// Loose matching of issuer names as people write them ("UBND tỉnh" for "Ủy ban nhân dân tỉnh
// Thừa Thiên Huế"): shared by the cq: filter and citation resolution.
#pragma once

#include <string>
#include <string_view>

namespace vanban::archive {

// schema::issuer_key with the common abbreviations spelled out ("ubnd" → "uy ban nhan dan").
std::string expanded_issuer_key(std::string_view issuer);

// An issuer key (already folded) with the common abbreviations spelled out.
std::string expand_abbreviations(std::string_view key);

// True when the words of `needle` appear, adjacent and whole, inside `haystack` (both keys).
bool key_contains(std::string_view haystack, std::string_view needle);

// True when one issuer's expanded key contains the other's.
bool issuers_compatible(std::string_view a, std::string_view b);

}  // namespace vanban::archive
