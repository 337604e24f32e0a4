#include "widgets/document/commands/set_review_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetReviewCommand::SetReviewCommand(TopologyDocument& document, ProjectReview after, const QString& label)
    : m_document(document), m_before(document.review()), m_after(std::move(after)) {
  setText(label);
}

void SetReviewCommand::redo() { m_document.assignReview(UndoCommandKey{}, m_after); }

void SetReviewCommand::undo() { m_document.assignReview(UndoCommandKey{}, m_before); }

}  // namespace pillars
