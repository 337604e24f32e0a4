#pragma once

#include <QUndoCommand>
#include <string>

#include "engine/model/param.hpp"

namespace pillars {

class TopologyDocument;

/// Changes one parameter of one link (latency, bandwidth, loss, weight). Successive changes to
/// the same parameter of the same link merge, so typing "2", "25", "25ms" is one undo step.
class SetLinkParameterCommand final : public QUndoCommand {
 public:
  static constexpr int kId = 1002;

  SetLinkParameterCommand(TopologyDocument& document, std::string linkId, std::size_t param,
                          ParamValue value);
  void redo() override;
  void undo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  TopologyDocument& m_document;
  std::string m_linkId;
  std::size_t m_param;
  ParamValue m_before;
  ParamValue m_after;
};

}  // namespace pillars
