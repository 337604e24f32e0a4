#pragma once
// What the monkey test checks after every action: the canvas shows exactly the document. Every
// component has one card (at the document's position), every link one arrow, every zone or
// region one frame, and nothing else is drawn for an id the document does not have.

#include <QString>

namespace pillars {

class TopologyDocument;
class TopologyScene;

/// Empty when the scene agrees with the document; otherwise every difference, one per line
/// ("link lb->web1: in the document, not on the canvas").
QString sceneDisagreement(const TopologyDocument& document, const TopologyScene& scene);

}  // namespace pillars
