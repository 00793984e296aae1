// The compiled part of {fmt}, built into advisor (ADVISOR_STATIC_DEPS).
//
// Debian's libfmt-dev ships {fmt} as a shared library only. Loading it, and the
// shared C++ runtime it pulls in, is a large share of a short `recommend` process
// (docs/performance.md), so the default build compiles {fmt}'s out-of-line code from
// the installed <fmt/format-inl.h> here, once, and links the C++ runtime statically.
// Every other file includes <fmt/format.h> as usual and keeps its compile time
// (FMT_HEADER_ONLY would recompile this code in each of them).
//
// The instantiations below are the ones <fmt/format.h> declares `extern template` or
// leaves to the library; the linker reports any that a new fmt version adds.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;

template FMT_API auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);

template FMT_API auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
template FMT_API void buffer<wchar_t>::append(const wchar_t*, const wchar_t*);

}  // namespace detail
FMT_END_NAMESPACE
