// Qt's sleeps (QThread::sleep, msleep, usleep) block the thread a QCoro
// coroutine runs on: the profile adds them when Qt is in the TU.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "qt.h"

QCoro::Task<> pauses() {
  QThread::msleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'QThread::msleep' in coroutine 'pauses'
  QThread::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'QThread::sleep' in coroutine 'pauses'
  QThread::usleep(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'QThread::usleep' in coroutine 'pauses'
  co_return;
}

void notACoroutine() { QThread::msleep(10); }
