#pragma once

#include <QString>

namespace pillars {

class TopologyDocument;

/// Where file dialogs start: beside the open document when it has a file (its project's
/// folder, not the folder the app happened to start in), else the folder last used in a file
/// dialog, else the user's documents folder.
QString dialogFolder(const TopologyDocument& document);
/// Remembers the folder of a file chosen in a dialog, for the next one of an untitled document.
void rememberDialogFolder(const QString& chosenFile);
/// `fileName` in dialogFolder(document): what a save dialog suggests.
QString suggestedPath(const TopologyDocument& document, const QString& fileName);

}  // namespace pillars
