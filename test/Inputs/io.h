// Mock blocking I/O: POSIX, C stdio, file streams, processes, name resolution.
#pragma once
typedef long ssize_t;
typedef unsigned long size_t;
struct FILE;
struct addrinfo;
extern "C" {
ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
ssize_t recv(int, void *, size_t, int);
ssize_t send(int, const void *, size_t, int);
int accept(int, void *, void *);
int connect(int, const void *, unsigned);
int poll(void *, unsigned long, int);
FILE *fopen(const char *, const char *);
size_t fread(void *, size_t, size_t, FILE *);
int fclose(FILE *);
int printf(const char *, ...);
int system(const char *);
FILE *popen(const char *, const char *);
int getaddrinfo(const char *, const char *, const addrinfo *, addrinfo **);
}
namespace std {
template <typename C> struct char_traits {};
template <typename C, typename T = char_traits<C>> struct basic_ifstream {
  basic_ifstream() {}
  explicit basic_ifstream(const char *) {}
  void open(const char *) {}
  bool is_open() const { return true; }
};
template <typename C, typename T = char_traits<C>> struct basic_ofstream {
  basic_ofstream() {}
  explicit basic_ofstream(const char *) {}
};
using ifstream = basic_ifstream<char>;
using ofstream = basic_ofstream<char>;
template <typename C> struct basic_string_stream_mock {};
struct stringstream { stringstream() {} };
int system(const char *);
} // namespace std
