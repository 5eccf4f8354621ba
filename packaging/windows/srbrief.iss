; Inno Setup script: builds srbrief-setup.exe from the PyInstaller bundle (dist\srbrief, made on Windows
; with `pyinstaller packaging\pyinstaller\srbrief.spec`). Per-user install, no administrator rights needed.
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1F3A52-8E1B-4C55-9C3E-5B7A2D0E4F11}
AppName=srbrief
AppVersion={#AppVersion}
AppPublisher=srbrief
DefaultDirName={localappdata}\Programs\srbrief
DefaultGroupName=srbrief
PrivilegesRequired=lowest
OutputBaseFilename=srbrief-setup-{#AppVersion}
SetupIconFile=srbrief.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\srbrief\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\srbrief"; Filename: "{app}\srbrief.exe"; Parameters: "gui"
Name: "{userdesktop}\srbrief"; Filename: "{app}\srbrief.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Registry]
Root: HKCU; Subkey: "Software\Classes\.srbrief.yaml"; ValueType: string; ValueData: "srbrief.briefing"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\srbrief.briefing\shell\open\command"; ValueType: string; ValueData: """{app}\srbrief.exe"" gui ""%1"""; Flags: uninsdeletekey
