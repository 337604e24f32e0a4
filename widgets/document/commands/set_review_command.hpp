#pragma once

#include <QUndoCommand>

#include "engine/io/project_file.hpp"

namespace pillars {

class TopologyDocument;

/// One change to the architecture review (an answer, its note, a milestone taken): the review
/// before and after, swapped on undo. Reviews are small (15 answers), so a snapshot is simpler
/// and safer than an inverse per field.
class SetReviewCommand final : public QUndoCommand {
 public:
  SetReviewCommand(TopologyDocument& document, ProjectReview after, const QString& label);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  ProjectReview m_before;
  ProjectReview m_after;
};

}  // namespace pillars
