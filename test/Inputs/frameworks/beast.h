// Mock of Boost.Beast's HTTP operations (names as in boost/beast/http): the
// synchronous read/write and their async_ forms.
#pragma once
namespace boost {
namespace beast {
struct flat_buffer {};
namespace http {
template <bool IsRequest> struct message {};
template <typename Stream, typename Buffer, bool IsRequest>
unsigned long read(Stream &, Buffer &, message<IsRequest> &);
template <typename Stream, bool IsRequest>
unsigned long write(Stream &, const message<IsRequest> &);
template <typename Stream, typename Buffer, bool IsRequest, typename Token>
auto async_read(Stream &, Buffer &, message<IsRequest> &, Token &&t) -> decltype(t.result());
} // namespace http
} // namespace beast
} // namespace boost
