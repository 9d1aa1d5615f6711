"""Registration: form, waitlist, cancel, registration window, organizer tools, exports."""
