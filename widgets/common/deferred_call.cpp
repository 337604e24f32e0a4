#include "widgets/common/deferred_call.hpp"

#include <QTimer>

namespace pillars {

DeferredCall::DeferredCall(std::function<void()> call, QObject* parent) : QObject(parent), m_call(std::move(call)) {}

void DeferredCall::request() {
  if (m_pending) return;
  m_pending = true;
  QTimer::singleShot(0, this, [this] {
    m_pending = false;
    m_call();
  });
}

}  // namespace pillars
