// Mock of the Qt classes and QCoro names the profile knows (as in Qt 6 and
// QCoro 0.10): QThread's sleeps, QMutex and QMutexLocker, blocking waitFor*,
// QCoro::Task (eager) and QCoro::waitFor.
#pragma once
#include <coroutine>
class QObject {};
class QThread : public QObject {
public:
  static void sleep(unsigned long);
  static void msleep(unsigned long);
  static void usleep(unsigned long);
};
class QMutex {
public:
  void lock();
  void unlock();
  bool tryLock();
};
template <typename M> class QMutexLocker {
public:
  explicit QMutexLocker(M *);
  ~QMutexLocker();
  void unlock();
};
class QIODevice : public QObject {
public:
  virtual bool waitForReadyRead(int msecs = 30000);
  virtual bool waitForBytesWritten(int msecs = 30000);
};
class QAbstractSocket : public QIODevice {
public:
  bool waitForConnected(int msecs = 30000);
};
class QTcpSocket : public QAbstractSocket {};
namespace QCoro {
template <typename T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <typename T> T waitFor(Task<T> &&);
} // namespace QCoro
