/**
 * The inference core: plain Java clinical engines that run on the appliance without any web
 * framework. This package holds only the root exception that all engine failures extend.
 */
package com.mediassist.core;
