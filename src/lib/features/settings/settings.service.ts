/**
 * The workspace's settings and this device's profile, for the settings screens: screens import
 * no values from db/ (the layer rule in ARCHITECTURE.md), so they reach the repository here.
 */
export { getSettings, updateSettings } from '$lib/db/settings.repo';
export { getProfile, setDisplayName } from '$lib/db/ethnographers.repo';
