// The catalogue's roles that a job title names ("数据标注员（图像）", "Senior NLP engineer").
#pragma once

#include <string_view>
#include <vector>

#include "advisor/model.hpp"

namespace advisor {

/// Indices of the roles whose id, zh or en name or alias appears in `title` (both
/// normalised as names are: case, width, spaces), in index order. A word of Latin letters
/// or digits is found only whole ("AI PM" is not in "AI PMO"); words of one character are
/// never read. Uses the catalogue's normalised word index, built once per catalogue.
std::vector<size_t> roles_named_in(const Catalog& c, std::string_view title);

}  // namespace advisor
