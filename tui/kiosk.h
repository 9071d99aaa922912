/* kiosk: the wall display (--kiosk): pages rotate, a new high-priority alarm interrupts with a banner, q asks first.
 * PLACEHOLDER (issue 11): the interface is its owner's to write. */
#ifndef CITYDASH_KIOSK_H
#define CITYDASH_KIOSK_H

#endif
