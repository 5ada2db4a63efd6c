; Inno Setup 6 script: turns the PyInstaller one-folder build (dist\spurdesk) into one installer,
; dist\spurdesk-<version>-setup.exe. Run on Windows after packaging/build.sh (Git Bash) or the
; equivalent PyInstaller call, from the repository root:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\spurdesk.iss
;
; AppVersion must be the version in pyproject.toml (`spurdesk-cli --version` prints it).
;
; Design choices, for inspectors' laptops that are often locked down by the region's IT:
; - Installs per user by default (no administrator rights needed); an administrator can still
;   choose "install for all users" in the dialog (PrivilegesRequiredOverridesAllowed).
; - Never touches the user's data: the library, its backups, settings and logs live in the user's
;   data folders (platformdirs), so uninstalling or upgrading leaves every inspection in place.
; - Swedish wizard texts need Swedish.isl, an unofficial Inno Setup translation (Swedish is not
;   among the languages shipped with Inno Setup): put it beside this script to include it;
;   without it the wizard is in English. See packaging/README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\spurdesk.iss
#endif

#define AppName "spurdesk"
#define AppExe "spurdesk.exe"
#define Root "..\.."

[Setup]
; The AppId identifies the app across upgrades: never change it.
AppId={{FC4E1E98-EA3D-417E-B94A-C8D491E3D44C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#AppVersion}
AppPublisher=spurdesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; PySide6 6.x wheels are 64-bit only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\spurdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrading while the app runs would replace DLLs in use: ask to close it first.
CloseApplications=yes
RestartApplications=no
; Code signing (see packaging/README.md): define a sign tool named "signtool" in the Inno Setup
; IDE or on the command line (/Ssigntool=...) and uncomment to sign the installer and uninstaller.
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
#ifexist "Swedish.isl"
Name: "sv"; MessagesFile: "Swedish.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: spurdesk.exe (windowed), spurdesk-cli.exe (console, for
; `spurdesk-cli self-check` and the other commands) and _internal\ with Python, Qt and resources.
Source: "{#Root}\dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's _internal may hold modules this version no longer has; stale ones could
; be picked up, so the folder is replaced rather than merged.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "SPUR-granskning av ST-utbildning"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; A smoke test an administrator can rerun any time: "C:\...\spurdesk\spurdesk-cli.exe" self-check
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
