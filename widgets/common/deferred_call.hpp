#pragma once

#include <QObject>
#include <functional>

namespace pillars {

/// Runs a function once control returns to the event loop, however often it was requested
/// before then: many change signals in one edit make one refill. Owned by (and running in the
/// thread of) its parent.
class DeferredCall final : public QObject {
  Q_OBJECT

 public:
  DeferredCall(std::function<void()> call, QObject* parent);
  /// Asks for the call; a request while one is pending adds nothing.
  void request();

 private:
  std::function<void()> m_call;
  bool m_pending = false;
};

}  // namespace pillars
