; Inno Setup 6 (6.3 or later) script for 連携デスク — setup.exe around the one-folder bundle.
; Compile after `python installer/build.py` (see installer/README.md):
;   ISCC.exe /DAppVersion=0.1.0 installer\renkei-desk.iss
; or let `python installer/build.py --setup` pass the version from pyproject.toml.
; /DBundleDir=… and /O… point it at another bundle folder and output folder (CI does).
; Saved as UTF-8 with a BOM so the compiler reads the Japanese text as such.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (python installer/build.py --setup does)
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\RenkeiDesk"
#endif
#ifndef Compression
  ; CI passes /DCompression=none: it proves the script compiles, not how small setup.exe gets.
  #define Compression "lzma2/max"
#endif
#define AppExe "RenkeiDesk.exe"

[Setup]
; Fixed for ever: Windows knows an installed copy by this id, so a newer setup.exe upgrades
; it in place (same folder, same shortcuts) instead of installing a second copy.
AppId={{2B6B1929-9C59-466B-B70E-FCA9B2D7C2DD}
AppName=連携デスク
AppVersion={#AppVersion}
AppVerName=連携デスク {#AppVersion}
AppPublisher=Renkei Desk
UninstallDisplayName=連携デスク {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; Per user by default (no administrator needed, %LOCALAPPDATA%\Programs); an administrator
; may choose "for all users" (Program Files) in the dialog or with /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\RenkeiDesk
DefaultGroupName=連携デスク
DisableProgramGroupPage=yes
; The bundle is 64-bit (Python and Qt for x64).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The fonts are redistributed under the IPA Font License: it is the licence page.
LicenseFile={#BundleDir}\_internal\desktop\resources\fonts\IPA_Font_License_Agreement_v1.0.txt
OutputDir=..\dist
OutputBaseFilename=RenkeiDesk-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
; An open window is closed (and reopened after an upgrade) through the Restart Manager.
CloseApplications=yes
RestartApplications=yes

[Languages]
; Japanese first: the default when Windows' display language matches neither.
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the bundle's libraries whole: files a newer build no longer ships must
; not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\連携デスク"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\連携デスク"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,連携デスク}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left in its own folder (Python's __pycache__ beside
; the migration scripts). The office files, their backups and the settings live in the user's
; data folder (%LOCALAPPDATA%\RenkeiDesk\RenkeiDesk, or RENKEI_DESK_HOME), never under {app},
; and the uninstaller never touches them.
Type: filesandordirs; Name: "{app}\_internal"
