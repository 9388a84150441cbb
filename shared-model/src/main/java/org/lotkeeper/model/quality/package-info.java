/**
 * Quality control against specifications (docs/QUALITY-CONTROL.md): an item's versioned
 * {@link org.lotkeeper.model.quality.Specification} of {@link org.lotkeeper.model.quality.SpecTest}s,
 * and how a result is judged against one ({@link org.lotkeeper.model.quality.Judgement}). Pure
 * rules, shared by the server and the handheld.
 */
package org.lotkeeper.model.quality;
