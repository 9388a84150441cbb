/**
 * The JavaFX screens of the handheld client, MVVM: a {@code <Screen>View} (code and
 * {@code lotkeeper.css}) per screen, dumb, bound to a {@code <Screen>ViewModel} of plain JavaFX
 * properties that is the only thing talking to the client core ({@link org.lotkeeper.client.core.ClientCore}).
 * Work that touches SQLite or HTTP runs through a {@link org.lotkeeper.client.ui.TaskExecutor}.
 * This is the only package that imports JavaFX ({@code ClientArchitectureTest}).
 */
package org.lotkeeper.client.ui;
