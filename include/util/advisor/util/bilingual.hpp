#pragma once
#include <string>
#include <utility>

#include "advisor/text.hpp"

namespace advisor::util {

/// A text from its English and its Chinese, in that order everywhere (English first
/// reads as the code's own language; the Chinese follows as its translation).
inline Text T(std::string en, std::string zh) { return Text{std::move(zh), std::move(en)}; }

}  // namespace advisor::util
