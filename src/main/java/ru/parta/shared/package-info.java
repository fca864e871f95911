/** Shared kernel: the error shape and message bundles every module uses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ru.parta.shared;
