// QCoro application code: a Qt coroutine that blocks the event loop with QThread sleeps,
// a synchronous waitFor* on a socket, QCoro::waitFor on a task, and a QMutexLocker held
// across a co_await.
#include <QCoroTask>
#include <QCoroTimer>
#include <QCoroAbstractSocket>

#include <QMutex>
#include <QMutexLocker>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

QCoro::Task<int> read_value() {
  QTimer t;
  t.start(10);
  co_await t;
  co_return 42;
}

QCoro::Task<int> poller(QTcpSocket* socket) {
  QThread::msleep(50);  // EXPECT: async-sleep-in-coroutine
  QThread::sleep(1);  // EXPECT: async-sleep-in-coroutine
  socket->waitForReadyRead(1000);  // EXPECT: async-blocking-call-in-coroutine
  co_await qCoro(socket).waitForReadyRead(1000);  // SAFE: async-blocking-call-in-coroutine
  int v = QCoro::waitFor(read_value());  // EXPECT: async-blocking-call-in-coroutine
  co_return v;
}

QMutex g_mu;
int g_counter = 0;

QCoro::Task<void> update() {
  QMutexLocker lock(&g_mu);  // (reported at the suspension it is held across, below)
  g_counter += co_await read_value();  // EXPECT: async-lock-held-across-suspend
}
