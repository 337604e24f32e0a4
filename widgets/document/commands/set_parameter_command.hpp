#pragma once

#include <QUndoCommand>
#include <string>

#include "engine/model/param.hpp"

namespace pillars {

class TopologyDocument;

/// Changes one parameter of one component. Successive changes to the same parameter merge, so
/// typing "1", "16", "160" into a field is one undo step.
class SetParameterCommand final : public QUndoCommand {
 public:
  static constexpr int kId = 1001;

  SetParameterCommand(TopologyDocument& document, std::string componentId, std::size_t param,
                      ParamValue value);
  void redo() override;
  void undo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  TopologyDocument& m_document;
  std::string m_componentId;
  std::size_t m_param;
  ParamValue m_before;
  ParamValue m_after;
};

}  // namespace pillars
