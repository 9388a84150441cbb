/** Master-data vocabulary shared by the server, the console and devices. */
package org.lotkeeper.model.master;
