/* mouse: clicks and the wheel, turned into what keys do (nothing needs the mouse).
 * PLACEHOLDER (issue 11): the interface is its owner's to write. */
#ifndef CITYDASH_MOUSE_H
#define CITYDASH_MOUSE_H

#endif
